// The CLI as a function: words in, text out, an exit status back. main.ts hands it process.argv and the
// process streams; tests hand it arrays and string sinks. Nothing here calls process.exit or throws.
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, type Stats, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneLine } from '../scenario/messages';
import { PRESET_IDS } from '../scenario/presets';
import { nodePool } from '../sim/nodePool';
import type { Pool } from '../sim/pool';
import { CliError, ERROR_CHARS_MAX } from './args';
import { COMMAND_FNS, type CommandContext, type CommandOutput, parseCommand } from './commands';
import { COMMANDS, type Command, commandHelp, globalHelp } from './help';
import { systemReason } from './readFile';

export interface Sink {
  write(chunk: string): unknown;
}

export interface CliIO {
  stdout: Sink;
  stderr: Sink;
  /** Where relative paths (--scenario FILE, --out FILE) start from; default process.cwd(). */
  cwd?: string;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export { ERROR_CHARS_MAX };

function isCommand(s: string): s is Command {
  return (COMMANDS as readonly string[]).includes(s);
}

/** --help anywhere before a bare "--" wins over everything else on the line. */
function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/**
 * Write a regular file next to the target, then rename: an existing file is replaced whole or not at
 * all. A symbolic link is written through (its target is replaced, the link stays), and anything that
 * is not a regular file (/dev/null, a pipe) is written to directly, never replaced.
 */
function writeAtomically(given: string, text: string): void {
  let path = given;
  let tmp = '';
  try {
    let st: Stats | undefined;
    try {
      st = statSync(path); // follows links
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (st && !st.isFile() && !st.isDirectory()) {
      writeFileSync(path, text);
      return;
    }
    if (st?.isFile()) path = realpathSync(path);
    tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (tmp) {
      try {
        unlinkSync(tmp);
      } catch {
        // the temp file was never created
      }
    }
    const notWritable = 'permission denied (the folder is not writable)';
    const why = systemReason(e, {
      ENOENT: 'no such folder, or files cannot be created there',
      EACCES: notWritable,
      EPERM: notWritable,
      EROFS: notWritable,
    });
    throw new CliError(`--out: cannot write ${given}: ${why}`);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * --out naming a scenario the command reads (by any path, link or hard link; a preset's bundled file
 * included) is refused before anything runs: the output would replace its own input.
 */
function refuseOutOverInput(values: Record<string, unknown>, cwd: string): void {
  const out = values.out;
  if (typeof out !== 'string' || out.trim() === '') return;
  const outPath = resolve(cwd, out);
  for (const option of ['scenario', 'a', 'b']) {
    const arg = values[option];
    if (typeof arg !== 'string') continue;
    const input = PRESET_IDS.includes(arg)
      ? fileURLToPath(new URL(`../../scenarios/${arg}.json`, import.meta.url))
      : resolve(cwd, arg);
    if (sameFile(outPath, input)) {
      throw new CliError(`--out ${out} is the scenario file of --${option} ${arg}: nothing was written`);
    }
  }
}

type Outcome = number | Promise<number>;

/** Parse, run and write; async only when a command ran on the worker pool. */
function dispatch(argv: readonly string[], io: CliIO, pool?: CommandContext['pool']): Outcome {
  const cwd = io.cwd ?? process.cwd();
  const args = [...argv];
  const fail = (e: unknown): number => {
    if (e instanceof CliError) {
      io.stderr.write(`error: ${oneLine(e.message, ERROR_CHARS_MAX)}\n`);
      for (const d of e.details) io.stderr.write(`${oneLine(d, ERROR_CHARS_MAX)}\n`);
      return EXIT_USAGE;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr.write(
      `error: internal error: ${oneLine(msg.split('\n')[0], ERROR_CHARS_MAX)} (please report this with the command line)\n`,
    );
    return EXIT_INTERNAL;
  };
  const write = (result: CommandOutput): number => {
    try {
      if (result.out !== undefined) {
        if (result.out.trim() === '') throw new CliError('--out needs a file name');
        writeAtomically(isAbsolute(result.out) ? result.out : resolve(cwd, result.out), result.text);
      } else {
        io.stdout.write(result.text);
      }
      for (const w of result.warnings ?? []) io.stderr.write(`warning: ${oneLine(w, ERROR_CHARS_MAX)}\n`);
      return EXIT_OK;
    } catch (e) {
      return fail(e);
    }
  };
  try {
    const first = args[0];
    if (first === undefined) {
      throw new CliError(`missing command (commands: ${COMMANDS.join(', ')}; see: npm run sim -- --help)`);
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = args[1];
      if (topic !== undefined && isCommand(topic)) io.stdout.write(commandHelp(topic));
      else if (topic !== undefined && first === 'help')
        throw new CliError(`help: unknown command "${topic}" (commands: ${COMMANDS.join(', ')})`);
      else io.stdout.write(globalHelp());
      return EXIT_OK;
    }
    if (!isCommand(first)) {
      const what = first.startsWith('-')
        ? `expected a command before options, got "${first}"`
        : `unknown command "${first}"`;
      throw new CliError(`${what} (commands: ${COMMANDS.join(', ')}; see: npm run sim -- --help)`);
    }
    const rest = args.slice(1);
    if (wantsHelp(rest)) {
      io.stdout.write(commandHelp(first));
      return EXIT_OK;
    }
    const values = parseCommand(first, rest);
    refuseOutOverInput(values, cwd);
    const result = COMMAND_FNS[first](values, { cwd, pool });
    return result instanceof Promise ? result.then(write, fail) : write(result);
  } catch (e) {
    return fail(e);
  }
}

/**
 * Run the CLI on `argv` (the words after the script name, e.g. ["run", "--scenario", "post-ukraine"])
 * in this thread (--workers changes nothing but speed, so it is not needed here). Returns the exit
 * status: 0 success, 1 internal error, 2 bad input.
 */
export function main(argv: readonly string[], io: CliIO): number {
  const r = dispatch(argv, io);
  if (typeof r === 'number') return r;
  io.stderr.write('error: internal error: a command went asynchronous without a pool (please report this)\n');
  return EXIT_INTERNAL;
}

/** The CLI as the terminal runs it: ensembles, sweeps and studies on a pool of worker threads. */
export async function mainAsync(argv: readonly string[], io: CliIO): Promise<number> {
  let pool: Pool | undefined;
  let size = 0;
  try {
    return await dispatch(argv, io, (workers) => {
      if (!pool || size !== workers) {
        pool?.close();
        pool = nodePool(workers);
        size = workers;
      }
      return pool;
    });
  } finally {
    pool?.close();
  }
}
