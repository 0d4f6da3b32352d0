// In the CLI bundle, this stands in for scenario/load.ts (tools/build-cli.ts swaps it in): the schema
// (zod) and the expression parser (mathjs) load on the first scenario file, never for a preset or
// --help. require() of an ES module is synchronous in Node >= 20.19, so the CLI keeps its sync API.
import { createRequire } from 'node:module';
import type * as Load from '../scenario/load';

let real: typeof Load | undefined;

function load(): typeof Load {
  real ??= createRequire(import.meta.url)('./scenario-load.mjs') as typeof Load;
  return real;
}

export const parseScenarioText: typeof Load.parseScenarioText = (text) => load().parseScenarioText(text);
export const loadScenario: typeof Load.loadScenario = (json) => load().loadScenario(json);
export const failed: typeof Load.failed = (problems) => load().failed(problems);
