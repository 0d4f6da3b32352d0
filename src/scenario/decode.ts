// Bytes of a scenario file to text, one function for the CLI and the app so that both accept the same
// files: UTF-8 with or without a byte-order mark (Windows editors write one), UTF-16 with one (Notepad's
// "Unicode"). Anything else is refused with one sentence that says what to do.
import { failed, type LoadResult, parseScenarioText } from './load';

/** The largest scenario file read, in bytes (the presets are about 11 kB). */
export const FILE_BYTES_MAX = 1_048_576;
export const FILE_SIZE_TEXT = '1 MiB';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

const SAVE = 'save it as UTF-8';

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeScenarioBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > FILE_BYTES_MAX) {
    return {
      ok: false,
      error: `larger than ${FILE_SIZE_TEXT}; a scenario file is about 11 kB`,
    };
  }
  if (bytes.length === 0) return { ok: false, error: 'the file is empty' };
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = decode('utf-8', bytes.subarray(3));
    return text === null
      ? { ok: false, error: `not UTF-8 text after its byte-order mark; ${SAVE}` }
      : { ok: true, text };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const le = b0 === 0xff;
    if (le && bytes[2] === 0 && bytes[3] === 0) return { ok: false, error: `UTF-32 text is not read; ${SAVE}` };
    const text = bytes.length % 2 === 0 ? decode(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2)) : null;
    return text === null ? { ok: false, error: `broken UTF-16 text; ${SAVE}` } : { ok: true, text };
  }
  // A JSON file starts with ASCII ("{", a space): a NUL byte beside it is the other half of UTF-16.
  if (b0 === 0 || b1 === 0) return { ok: false, error: `UTF-16 without a byte-order mark; ${SAVE}` };
  const text = decode('utf-8', bytes);
  return text === null ? { ok: false, error: `not UTF-8 text; ${SAVE}` } : { ok: true, text };
}

/** Decode and load: the app's import and the CLI's --scenario FILE go through here. */
export function parseScenarioBytes(bytes: Uint8Array): LoadResult {
  const d = decodeScenarioBytes(bytes);
  return d.ok ? parseScenarioText(d.text) : failed([d.error]);
}
