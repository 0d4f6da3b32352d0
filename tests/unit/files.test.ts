// Reading scenario files (issue 9): the CLI reads at most FILE_BYTES_MAX bytes, streamed, so a device
// or a pipe is refused quickly; the CLI and the app decode bytes with one function, so they accept the
// same files (UTF-8 with or without a byte-order mark, UTF-16 with one).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes, FILE_BYTES_MAX, parseScenarioBytes } from '../../src/scenario/decode';
import { callCli, tempFolder } from './harness';

const ROOT = resolve(__dirname, '../..');
const text = readFileSync(join(ROOT, 'scenarios/pre-2022.json'), 'utf8');
const utf8 = new TextEncoder().encode(text);

function utf16(s: string, bigEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array(2 * s.length + (bom ? 2 : 0));
  let k = 0;
  if (bom) {
    out[k++] = bigEndian ? 0xfe : 0xff;
    out[k++] = bigEndian ? 0xff : 0xfe;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[k++] = bigEndian ? c >> 8 : c & 0xff;
    out[k++] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

const withBom = (b: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);

const folder = tempFolder('files-test-');
const cli = (...argv: string[]) => callCli(folder(), argv);

describe('one decoder for the CLI and the app', () => {
  it.each([
    ['UTF-8', utf8],
    ['UTF-8 with a byte-order mark', withBom(utf8)],
    ['UTF-16 LE with a byte-order mark', utf16(text, false)],
    ['UTF-16 BE with a byte-order mark', utf16(text, true)],
  ])('%s decodes to the same text and loads', (_name, bytes) => {
    const d = decodeScenarioBytes(bytes);
    expect(d).toEqual({ ok: true, text });
    expect(parseScenarioBytes(bytes).ok).toBe(true);
  });

  it.each([
    ['UTF-16 without a byte-order mark', utf16(text, false, false), /UTF-16 without a byte-order mark/],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x80]), /not UTF-8 text/],
    ['an empty file', new Uint8Array(0), /empty/],
    ['more than FILE_BYTES_MAX bytes', new Uint8Array(FILE_BYTES_MAX + 1).fill(0x20), /larger than 1 MiB/],
  ])('%s: one clear problem', (_name, bytes, message) => {
    const d = decodeScenarioBytes(bytes);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(message);
  });
});

describe('the CLI reads files the app accepts', () => {
  it('a file with a byte-order mark, or in UTF-16, gives the same run as the plain file', () => {
    writeFileSync(join(folder(), 'plain.json'), utf8);
    writeFileSync(join(folder(), 'bom.json'), withBom(utf8));
    writeFileSync(join(folder(), 'le.json'), utf16(text, false));
    writeFileSync(join(folder(), 'be.json'), utf16(text, true));
    const hashes = ['plain', 'bom', 'le', 'be'].map((f) => {
      const r = cli('run', '--scenario', `${f}.json`, '--steps', '2');
      expect(r.err, f).toBe('');
      expect(r.code, f).toBe(0);
      return JSON.parse(r.out).hash;
    });
    expect(new Set(hashes).size).toBe(1);
  });

  it('a UTF-16 file without a byte-order mark: one line, no NUL bytes printed', () => {
    writeFileSync(join(folder(), 'nobom.json'), utf16(text, false, false));
    const r = cli('run', '--scenario', 'nobom.json');
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('\u0000');
    expect(r.err).toMatch(/^error: .*nobom\.json.*UTF-16 without a byte-order mark/);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a regular file larger than FILE_BYTES_MAX is refused without reading it all', () => {
    writeFileSync(join(folder(), 'big.json'), Buffer.alloc(FILE_BYTES_MAX + 1, 0x20));
    const r = cli('run', '--scenario', 'big.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --scenario: cannot read scenario file big\.json: larger than 1 MiB/);
  });

  // In a child process with a time limit: before the fix, /dev/zero grew without end and a FIFO
  // with no writer blocked the process for ever.
  it('/dev/zero and a FIFO with no writer are refused quickly', () => {
    const fifo = join(folder(), 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const script = `
      import { main } from ${JSON.stringify(join(ROOT, 'src/cli/cli.ts'))};
      for (const f of ['/dev/zero', ${JSON.stringify(fifo)}]) {
        let err = '';
        const code = main(['run', '--scenario', f], { stdout: { write: () => {} }, stderr: { write: (s) => (err += s) } });
        console.log(JSON.stringify({ code, err }));
      }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal, 'the CLI did not return within 30 s').toBeNull();
    const [zero, pipe] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/^error: --scenario: cannot read scenario file \/dev\/zero: .*larger than 1 MiB/);
    expect(pipe.code).toBe(2);
    expect(pipe.err).toMatch(/^error: --scenario: cannot read scenario file .*pipe\.json: nothing to read/);
  });
});
