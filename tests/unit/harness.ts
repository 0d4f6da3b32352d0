// Shared by the tests of the CLI and of messages: the CLI called in process in a temporary folder,
// and the characters no message may show raw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { main } from '../../src/cli/cli';

/** C0 and C1 controls, DEL, line and paragraph separators, bidirectional marks, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** The CLI on `argv`, its output collected; relative paths start from `cwd`. */
export function callCli(cwd: string | undefined, argv: readonly string[]): CliResult {
  let out = '';
  let err = '';
  const code = main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
  });
  return { code, out, err };
}

/** A temporary folder for this test file (made before its tests, removed after); call at the top level. */
export function tempFolder(prefix: string, fill?: (dir: string) => void): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    fill?.(dir);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
