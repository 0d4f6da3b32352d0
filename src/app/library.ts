// Where scenarios come from: the bundled presets and the files the user imported. An imported file is
// known by the fingerprint of its text, so two versions of a file with the same id never pass for
// each other: a link names the version it was made with.
import { type LoadResult, parseScenarioText } from '../scenario/load';
import { DEFAULT_PRESET, loadPreset, PRESET_IDS, PRESETS } from '../scenario/presets';

export type Loaded = LoadResult & { ok: true };

export interface ImportedFile {
  /** The id the app shows it under: the file's id, or `<id>-imported` when a preset has that id. */
  id: string;
  fp: string;
  /** The name of the file it came from. */
  name: string;
  text: string;
}

/** The imported files, most recent first (the first of an id is the version a bare link means). */
export interface Library {
  readonly imported: readonly ImportedFile[];
}

export const EMPTY_LIBRARY: Library = { imported: [] };

/** The scenario compared with by default (C), per scenario. */
const COUNTERPART: Readonly<Record<string, string>> = {
  'post-ukraine': 'no-war-2022',
  'pre-2022': 'post-ukraine',
};

/** FNV-1a over the UTF-16 code units, twice with different offsets: 16 hex digits. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const parsed = new Map<string, LoadResult>();

/** Parse an imported file once per version. */
export function loadText(fp: string, text: string): LoadResult {
  const hit = parsed.get(fp);
  if (hit) return hit;
  const r = parseScenarioText(text);
  parsed.set(fp, r);
  return r;
}

export function appId(fileId: string): string {
  return PRESET_IDS.includes(fileId) ? `${fileId}-imported` : fileId;
}

export function libraryIds(lib: Library): string[] {
  const ids = [...PRESET_IDS];
  for (const f of lib.imported) if (!ids.includes(f.id)) ids.push(f.id);
  return ids;
}

export function importedVersions(lib: Library, id: string): ImportedFile[] {
  return lib.imported.filter((f) => f.id === id);
}

/** A scenario by id (and, for an imported one, by version); null when unknown. */
export function resolve(lib: Library, id: string, fp: string | null = null): Loaded | null {
  if (PRESET_IDS.includes(id)) {
    const r = loadPreset(id);
    return r.ok ? r : null;
  }
  const f = lib.imported.find((x) => x.id === id && (fp === null || x.fp === fp));
  if (!f) return null;
  const r = loadText(f.fp, f.text);
  return r.ok ? r : null;
}

/** A scenario's title without validating it (a picker lists every preset; loading them all costs time). */
export function titleOf(lib: Library, id: string): string {
  const raw = PRESETS[id] as { title?: unknown } | undefined;
  if (raw && typeof raw.title === 'string') return raw.title;
  return resolve(lib, id)?.spec.title ?? id;
}

export function defaultScenario(): Loaded {
  const d = loadPreset(DEFAULT_PRESET);
  if (!d.ok) throw new Error(`the default scenario does not load: ${d.errors.join('; ')}`);
  return d;
}

export function resolveOrDefault(lib: Library, id: string, fp: string | null = null): Loaded {
  return resolve(lib, id, fp) ?? defaultScenario();
}

export function counterpart(lib: Library, id: string): string {
  const ids = libraryIds(lib);
  const c = COUNTERPART[id] ?? DEFAULT_PRESET;
  if (c !== id && ids.includes(c)) return c;
  return ids.find((x) => x !== id) ?? DEFAULT_PRESET;
}

/** Add an imported file (a newer version of an id goes first); at most `keep` files are held. */
export function addImport(lib: Library, file: ImportedFile, keep = 8): Library {
  const rest = lib.imported.filter((f) => f.fp !== file.fp);
  return { imported: [file, ...rest].slice(0, keep) };
}
