// Sharded studies: `--shard i/n` computes the i-th of n equal slices of a study's items and writes them
// as JSON lines (a header with the whole study, then one line per item); `merge` reads any complete
// set of shard files and prints what the unsharded command prints, byte for byte.
import { CliError, parseInteger } from './args';

export const SHARD_FORMAT = 'strategic-triangle-shard';
export const SHARD_VERSION = 1;
export const MAX_SHARDS = 10_000;

export interface Shard {
  /** 1-based, as Slurm array indices and GNU parallel's {} usually are. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new CliError(`--shard "${text}": expected i/n, e.g. --shard 1/4 (shards are numbered from 1)`);
  const count = parseInteger(m[2], '--shard (n)', 1, MAX_SHARDS);
  const index = parseInteger(m[1], '--shard (i)', 1, count);
  return { index, count };
}

/** Items [from, to) of shard i/n: contiguous slices whose sizes differ by at most one. */
export function shardRange(shard: Shard, items: number): { from: number; to: number } {
  return {
    from: Math.floor(((shard.index - 1) * items) / shard.count),
    to: Math.floor((shard.index * items) / shard.count),
  };
}

/** JSON has no NaN or infinities: they travel as strings, so a merged result prints like the original. */
export function encodeNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}

export function decodeNumber(x: unknown, where: string): number {
  if (typeof x === 'number') return x;
  if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return Number(x);
  throw new CliError(`${where}: expected a number, got ${JSON.stringify(x)}`);
}

export interface ShardHeader<S> {
  format: typeof SHARD_FORMAT;
  version: number;
  command: 'sweep' | 'sensitivity' | 'claims-map';
  shard: [number, number];
  items: number;
  study: S;
}

export function shardText<S>(
  command: ShardHeader<S>['command'],
  shard: Shard,
  items: number,
  study: S,
  lines: readonly unknown[],
): string {
  const header: ShardHeader<S> = {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    command,
    shard: [shard.index, shard.count],
    items,
    study,
  };
  return `${[header, ...lines].map((x) => JSON.stringify(x)).join('\n')}\n`;
}

export interface ShardFile {
  name: string;
  text: string;
}

export interface MergedShards {
  command: ShardHeader<unknown>['command'];
  study: unknown;
  /** Item lines by index, every index 0..items-1 present once. */
  items: Record<string, unknown>[];
}

/** Check that the files are the n shards of one study, each once, and gather their items in order. */
export function mergeShards(files: readonly ShardFile[]): MergedShards {
  if (files.length === 0) throw new CliError('merge: give the shard files to merge, e.g. merge shards/*.jsonl');
  let first: ShardHeader<unknown> | null = null;
  let studyText = '';
  const seenShards = new Map<number, string>();
  let items: (Record<string, unknown> | undefined)[] = [];
  for (const f of files) {
    const lines = f.text.split('\n').filter((l) => l.trim() !== '');
    const parse = (line: string, k: number): Record<string, unknown> => {
      try {
        const x = JSON.parse(line);
        if (x && typeof x === 'object' && !Array.isArray(x)) return x as Record<string, unknown>;
      } catch {
        // reported below
      }
      throw new CliError(`merge: ${f.name}, line ${k + 1}: not a JSON object (is it a shard file?)`);
    };
    if (lines.length === 0) throw new CliError(`merge: ${f.name} is empty (did its shard fail?)`);
    const h = parse(lines[0], 0) as unknown as ShardHeader<unknown>;
    if (h.format !== SHARD_FORMAT) {
      throw new CliError(
        `merge: ${f.name} is not a shard file (it was not written by sweep, sensitivity or claims-map --shard)`,
      );
    }
    if (h.version !== SHARD_VERSION) {
      throw new CliError(
        `merge: ${f.name} is a version ${h.version} shard; this program reads version ${SHARD_VERSION}`,
      );
    }
    const text = JSON.stringify([h.command, h.items, h.shard[1], h.study]);
    if (!first) {
      first = h;
      studyText = text;
      items = new Array(h.items);
    } else if (text !== studyText) {
      throw new CliError(
        `merge: ${f.name} belongs to another study than ${files[0].name} (command, options, scenario or shard count differ)`,
      );
    }
    const [i, n] = h.shard;
    const dup = seenShards.get(i);
    if (dup) throw new CliError(`merge: shard ${i}/${n} is given twice (${dup} and ${f.name})`);
    seenShards.set(i, f.name);
    const want = shardRange({ index: i, count: n }, h.items);
    const got = lines.slice(1).map(parse);
    if (got.length !== want.to - want.from) {
      throw new CliError(
        `merge: ${f.name} (shard ${i}/${n}) has ${got.length} items, expected ${want.to - want.from} (is it complete?)`,
      );
    }
    got.forEach((item, k) => {
      if (item.i !== want.from + k) {
        throw new CliError(`merge: ${f.name}, line ${k + 2}: item ${String(item.i)}, expected ${want.from + k}`);
      }
      items[want.from + k] = item;
    });
  }
  const head = first as ShardHeader<unknown>;
  const missing: number[] = [];
  for (let i = 1; i <= head.shard[1]; i++) if (!seenShards.has(i)) missing.push(i);
  if (missing.length > 0) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, ...` : missing.join(', ');
    throw new CliError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${list} of ${head.shard[1]}`);
  }
  return { command: head.command, study: head.study, items: items as Record<string, unknown>[] };
}
