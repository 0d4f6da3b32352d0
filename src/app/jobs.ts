// Results computed off the main thread (the 200-seed bands, the Analysis tab's studies), as
// slots in the app's state. Each request for a new key gets a new generation; progress, results and
// errors name their generation, and only the latest generation is ever accepted, so a slow, stale
// result can never overwrite a fresh one, whatever order the messages arrive in. While a new result
// is being computed, the last one stays, marked stale, so nothing blinks.

export type JobStatus = 'idle' | 'pending' | 'ready' | 'stale' | 'error';

export interface JobSlot<V = unknown> {
  /** The inputs of the latest request (null: nothing asked). */
  key: string | null;
  /** Generation of the latest request; 0 before any. */
  gen: number;
  status: JobStatus;
  /** 0..1 of the latest request's work, as reported. */
  progress: number;
  /** The last accepted result and the key it belongs to. */
  value: V | null;
  valueKey: string | null;
  /** Round trip of the last accepted result, ms (request to arrival). */
  ms: number;
  error: string | null;
  /** When the latest request was made (the app's clock), to measure the round trip. */
  askedAt: number;
}

export const EMPTY_SLOT: JobSlot = {
  key: null,
  gen: 0,
  status: 'idle',
  progress: 0,
  value: null,
  valueKey: null,
  ms: 0,
  error: null,
  askedAt: 0,
};

/** A new request (key null: the job is not needed now; its last value is dropped). */
export function requestJob<V>(slot: JobSlot<V>, key: string | null, now: number): JobSlot<V> {
  if (key === null) return { ...(EMPTY_SLOT as JobSlot<V>), gen: slot.gen };
  return {
    ...slot,
    key,
    gen: slot.gen + 1,
    status: slot.value !== null ? 'stale' : 'pending',
    progress: 0,
    error: null,
    askedAt: now,
  };
}

export function jobProgress<V>(slot: JobSlot<V>, gen: number, done: number): JobSlot<V> {
  if (gen !== slot.gen || slot.status === 'ready' || slot.status === 'error') return slot;
  return { ...slot, progress: Math.max(0, Math.min(1, done)) };
}

export function jobResult<V>(slot: JobSlot<V>, gen: number, value: V, now: number): JobSlot<V> {
  if (gen !== slot.gen || slot.key === null) return slot;
  return { ...slot, status: 'ready', progress: 1, value, valueKey: slot.key, error: null, ms: now - slot.askedAt };
}

export function jobError<V>(slot: JobSlot<V>, gen: number, message: string): JobSlot<V> {
  if (gen !== slot.gen) return slot;
  return { ...slot, status: 'error', error: message };
}

/** The latest request again, under a new generation (after a worker was restarted, or "retry"). */
export function retryJob<V>(slot: JobSlot<V>, now: number): JobSlot<V> {
  if (slot.key === null) return slot;
  return requestJob(slot, slot.key, now);
}

/** What a worker is asked to do: a kind (the handler), a generation and plain-JSON input. */
export interface JobMessage {
  kind: string;
  gen: number;
  payload: unknown;
}

/** What a worker answers. */
export type JobReply =
  | { type: 'progress'; kind: string; gen: number; done: number }
  | { type: 'result'; kind: string; gen: number; value: unknown }
  | { type: 'error'; kind: string; gen: number; error: string };

/** The main thread's side: sends a job; answers come back through the callbacks it was made with. */
export interface JobRunner {
  run(message: JobMessage): void;
}
