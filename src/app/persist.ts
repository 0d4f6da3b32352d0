// What the browser keeps between visits: the last view, the theme, and the imported scenario files.
// Storage can be full or refused (private mode); then the app says so and keeps working from the URL.
// An imported file that cannot be kept is never replaced on reload by an older version of it: older
// versions with its id are removed from storage, and links name the version they were made with.
import { type Doc, serialize, type Tab } from './doc';
import { appId, EMPTY_LIBRARY, fingerprint, type ImportedFile, type Library, loadText } from './library';
import type { ThemeMode } from './state';
import type { Store } from './store';

/** localStorage, as far as the app needs it; `set` throws when the value cannot be stored. */
export interface KeyValue {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const PREFIX = 'strategic-triangle:v1';
const K = {
  state: `${PREFIX}:state`,
  theme: `${PREFIX}:theme`,
  imports: `${PREFIX}:imports`,
  /** One imported file, as the app before imports were versioned kept it. */
  legacy: `${PREFIX}:imported`,
};

function safeGet(kv: KeyValue, key: string): string | null {
  try {
    return kv.get(key);
  } catch {
    return null;
  }
}

function safeRemove(kv: KeyValue, key: string): void {
  try {
    kv.remove(key);
  } catch {
    // Nothing more can be done; the next save overwrites it.
  }
}

export interface Restored {
  saved: string | null;
  theme: ThemeMode;
  library: Library;
}

export function restore(kv: KeyValue): Restored {
  const theme = safeGet(kv, K.theme);
  const files: ImportedFile[] = [];
  const raw = safeGet(kv, K.imports);
  if (raw) {
    try {
      const list = JSON.parse(raw) as unknown;
      if (Array.isArray(list)) {
        for (const f of list) {
          if (!f || typeof f.text !== 'string' || typeof f.id !== 'string') continue;
          const fp = fingerprint(f.text);
          if (loadText(fp, f.text).ok) files.push({ id: f.id, fp, name: String(f.name ?? f.id), text: f.text });
        }
      }
    } catch {
      safeRemove(kv, K.imports);
    }
  }
  const legacy = safeGet(kv, K.legacy);
  if (legacy) {
    const fp = fingerprint(legacy);
    const r = loadText(fp, legacy);
    if (r.ok && !files.some((f) => f.fp === fp))
      files.push({ id: appId(r.file.id), fp, name: `${r.file.id}.json`, text: legacy });
    safeRemove(kv, K.legacy);
  }
  return {
    saved: safeGet(kv, K.state),
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    library: files.length ? { imported: files } : EMPTY_LIBRARY,
  };
}

export interface SaveOutcome {
  /** The newest file was stored. */
  keptNewest: boolean;
  /** Files dropped from storage to make room (oldest first). */
  dropped: ImportedFile[];
}

/**
 * Store the imported files, newest first, dropping the oldest until they fit. When even the newest
 * alone does not fit, every stored version with its id goes (a reload must not show an older one
 * under its name) and the others are kept as far as they fit.
 */
export function saveImports(kv: KeyValue, files: readonly ImportedFile[]): SaveOutcome {
  const write = (list: readonly ImportedFile[]): boolean => {
    try {
      if (list.length === 0) kv.remove(K.imports);
      else kv.set(K.imports, JSON.stringify(list.map((f) => ({ id: f.id, name: f.name, text: f.text }))));
      return true;
    } catch {
      return false;
    }
  };
  for (let n = files.length; n >= 1; n--) {
    if (write(files.slice(0, n))) return { keptNewest: true, dropped: files.slice(n) };
  }
  const newest = files[0];
  const others = files.filter((f) => f.id !== newest?.id);
  for (let n = others.length; n >= 0; n--) {
    if (write(others.slice(0, n)))
      return { keptNewest: false, dropped: files.filter((f) => !others.slice(0, n).includes(f)) };
  }
  // Storage refuses even removal: nothing is stored that could stand in for the newest.
  safeRemove(kv, K.imports);
  return { keptNewest: false, dropped: [...files] };
}

export function viewQuery(doc: Doc, tab: Tab): string {
  return serialize(doc, tab);
}

/** Keep the view, the theme and the imported files as they change. `later` batches the view's saves. */
export function connectPersistence(store: Store, kv: KeyValue, later: (fn: () => void) => void): void {
  let pending = false;
  store.watch(
    (s) => viewQuery(s.doc, s.tab),
    () => {
      if (pending) return;
      pending = true;
      later(() => {
        pending = false;
        try {
          kv.set(K.state, viewQuery(store.get().doc, store.get().tab));
        } catch {
          // Full or refused: the URL carries the view.
        }
      });
    },
  );
  store.watch(
    (s) => s.theme,
    (mode) => {
      try {
        if (mode === 'auto') kv.remove(K.theme);
        else kv.set(K.theme, mode);
      } catch {
        // The theme is a preference: without storage it lasts for this visit.
      }
    },
    { now: false },
  );
  store.watch(
    (s) => s.library.imported,
    (files, prev) => {
      const newest = files[0];
      const isNew = newest && !(prev ?? []).some((f) => f.fp === newest.fp);
      const out = saveImports(kv, files);
      if (!isNew) return;
      const title = loadText(newest.fp, newest.text);
      const name = title.ok ? title.spec.title : newest.id;
      store.dispatch({
        type: 'message',
        message: out.keptNewest
          ? {
              id: 'import',
              kind: 'ok',
              text: `Imported "${name}" as scenario ${newest.id}. It is kept in this browser: links to it work here, and name this version of the file.`,
              details: out.dropped.length
                ? [`Older imports removed to make room: ${out.dropped.map((f) => f.name).join(', ')}`]
                : [],
              ttl: 10000,
            }
          : {
              id: 'import',
              kind: 'warn',
              text: `Imported "${name}" as scenario ${newest.id} for this tab only: this browser's storage is full or refused, so it will be gone after a reload. Export it (scenario JSON) to keep it.`,
              details: out.dropped.length ? [`Not kept: ${out.dropped.map((f) => f.name).join(', ')}`] : [],
              ttl: 0,
            },
      });
    },
    { now: false },
  );
}
