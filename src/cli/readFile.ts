// Reading a scenario file from disk: at most FILE_BYTES_MAX bytes, in chunks, so that /dev/zero, a pipe
// or a FIFO cannot make the CLI grow or wait for ever. Opened without blocking: a FIFO with no writer
// reads as empty at once instead of hanging in open(2).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { FILE_BYTES_MAX, FILE_SIZE_TEXT } from '../scenario/decode';

/** How long to wait for a pipe whose writer has sent nothing yet. */
export const READ_WAIT_MS = 5000;

export class ReadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const CHUNK = 65_536;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The bytes of `path`, or a ReadError saying why not (its message completes "cannot read ...: ").
 * At most FILE_BYTES_MAX + 1 bytes are ever read; a regular file is checked by its size first.
 */
export function readBounded(path: string, maxBytes = FILE_BYTES_MAX): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw systemError(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ReadError('it is a directory');
    const tooBig = `larger than ${FILE_SIZE_TEXT}; a scenario file is about 11 kB`;
    if (st.isFile() && st.size > maxBytes) throw new ReadError(`${tooBig} (${st.size} bytes)`);
    const buf = Buffer.alloc(maxBytes + 1);
    let got = 0;
    let waited = 0;
    while (got <= maxBytes) {
      let n: number;
      try {
        n = readSync(fd, buf, got, Math.min(CHUNK, buf.length - got), null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw systemError(e);
        // A pipe whose writer is still working: wait a little, but not for ever.
        if (waited >= READ_WAIT_MS) throw new ReadError(`nothing arrived for ${READ_WAIT_MS / 1000} s`);
        Atomics.wait(pause, 0, 0, 20);
        waited += 20;
        continue;
      }
      if (n === 0) break;
      got += n;
      waited = 0;
    }
    if (got > maxBytes) throw new ReadError(`${tooBig} (it goes on past that: a device?)`);
    if (got === 0 && !st.isFile())
      throw new ReadError('nothing to read (an empty device, or a pipe or FIFO with no writer)');
    return new Uint8Array(buf.buffer, buf.byteOffset, got);
  } finally {
    closeSync(fd);
  }
}

function systemError(e: unknown): ReadError {
  return new ReadError(systemReason(e), (e as NodeJS.ErrnoException).code);
}

/**
 * Why a file operation failed, in words: `words` by error code first (the reading defaults otherwise),
 * then Node's own reason without the path it repeats ("ENAMETOOLONG: name too long, open '/...'").
 */
export function systemReason(e: unknown, words: Readonly<Record<string, string>> = {}): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ...words,
  };
  if (known[code]) return known[code];
  const msg = (e as Error).message ?? String(e);
  return `${/^\w+: ([^,]+)/.exec(msg)?.[1] ?? msg.split('\n')[0]}${code ? ` (${code})` : ''}`;
}
