// Entry point: `npm run sim -- <command> [options]`. The logic lives in cli.ts.
import { mainAsync } from './cli';

// `npm run` starts us in the package folder; INIT_CWD is where the user typed the command, and that is
// where their relative --scenario and --out paths mean something.
const cwd = process.env.INIT_CWD ?? process.cwd();

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`error: cannot write output: ${e.message}\n`);
  process.exit(1);
});

process.exitCode = await mainAsync(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd });
