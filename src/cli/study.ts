// `sensitivity` (Morris, Sobol', one at a time) and `merge` (shards back into one result). Both print
// through studyText / sweepText, so a merged study is the bytes of the unsharded one.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { analyseMap, type ClaimsMapPlan } from '../sim/claimsMap';
import type { Method } from '../sim/sensitivity';
import { analyse, evaluatePoints, type StudyPlan, type StudyResult, studyDesign, studyPlan } from '../sim/study';
import {
  CliError,
  MAX_SEEDS,
  type OptionSpec,
  parseInteger,
  parseNumber,
  parseOptions,
  parsePins,
  resolveScenario,
} from './args';
import { claimsMapText, mapPoints } from './claimsMap';
import {
  type CommandContext,
  type CommandOutput,
  canonicalPins,
  format,
  json,
  out,
  pinsLabel,
  poolFor,
  required,
  SCENARIO_HINT,
  type SweepStudy,
  steps,
  sweepText,
  type Values,
} from './commands';
import { csvComment, csvRow, fixed, pinsText, table } from './format';
import { applyFrozen } from './frozen';
import { decodeNumber, encodeNumber, mergeShards, parseShard, type ShardFile, shardRange, shardText } from './shard';

export const METHODS: readonly Method[] = ['morris', 'sobol', 'oat'];
export const MAX_SAMPLES: Readonly<Record<Method, number>> = { sobol: 65_536, morris: 10_000, oat: 0 };

function method(v: Values): Method {
  const m = required(v, 'method', 'sensitivity', METHODS.join(', '));
  if (!(METHODS as readonly string[]).includes(m))
    throw new CliError(`--method: unknown method "${m}" (${METHODS.join(', ')})`);
  return m as Method;
}

/** `--range NAME=LO:HI`, repeatable. */
function parseRanges(words: readonly string[] | undefined): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const w of words ?? []) {
    const m = /^([a-zA-Z_]+)=([^:]+):([^:]+)$/.exec(w.trim());
    if (!m) throw new CliError(`--range "${w}": expected NAME=LO:HI, e.g. --range war=0:0.5`);
    if (m[1] in out) throw new CliError(`--range: ${m[1]} is given twice`);
    out[m[1]] = [parseNumber(m[2], `--range ${m[1]} (low)`), parseNumber(m[3], `--range ${m[1]} (high)`)];
  }
  return out;
}

export function sensitivityCommand(v: Values, ctx: CommandContext): CommandOutput | Promise<CommandOutput> {
  const shard = typeof v.shard === 'string' ? parseShard(v.shard) : null;
  if (shard && v.format !== undefined)
    throw new CliError('--shard writes JSON lines for merge; give --format to merge');
  const fmt = format(v, ['json', 'csv', 'table']);
  const spec = applyFrozen(
    v,
    resolveScenario(required(v, 'scenario', 'sensitivity', SCENARIO_HINT), '--scenario', ctx.cwd).spec,
  );
  const metric = required(v, 'indicator', 'sensitivity', 'an indicator, a scenario indicator or a tie such as CN-RU');
  const m = method(v);
  let samples: number | undefined;
  if (typeof v.samples === 'string') {
    if (m === 'oat') throw new CliError('--samples does not apply to --method oat (it runs 1 + 2 x inputs points)');
    samples = parseInteger(v.samples, '--samples', 2, MAX_SAMPLES[m]);
  }
  const seedCount = typeof v.seeds === 'string' ? parseInteger(v.seeds, '--seeds', 1, MAX_SEEDS) : undefined;
  const seedStart =
    typeof v['seed-start'] === 'string' ? parseInteger(v['seed-start'], '--seed-start', 0, 2 ** 32 - 1) : 1;
  let plan: StudyPlan;
  try {
    plan = studyPlan(spec, {
      method: m,
      metric,
      inputs: typeof v.inputs === 'string' ? v.inputs.split(',').map((x) => x.trim()) : undefined,
      ranges: parseRanges(v.range as string[] | undefined),
      samples,
      seeds: seedCount,
      seedStart,
      steps: steps(v, spec),
      designSeed:
        typeof v['design-seed'] === 'string' ? parseInteger(v['design-seed'], '--design-seed', 0, 2 ** 32 - 1) : 1,
      bootstrap: typeof v.bootstrap === 'string' ? parseInteger(v.bootstrap, '--bootstrap', 0, 100_000) : undefined,
      pins: canonicalPins(parsePins(v.set as string[] | undefined)),
    });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError((e as Error).message);
  }
  if (plan.seedStart + plan.seeds - 1 > 2 ** 32 - 1)
    throw new CliError('--seed-start with --seeds runs past the largest seed');
  const design = studyDesign(plan);
  const { from, to } = shard ? shardRange(shard, design.count) : { from: 0, to: design.count };
  const done = (y: Float64Array): CommandOutput => {
    if (shard) {
      const lines = Array.from(y, (x, k) => ({ i: from + k, y: encodeNumber(x) }));
      return { text: shardText('sensitivity', shard, design.count, plan, lines), out: out(v) };
    }
    return { ...studyText(v, analyse(plan, y), fmt), warnings: studyWarnings(plan, y) };
  };
  const pool = poolFor(v, ctx);
  if (!pool) return done(evaluatePoints(spec, plan, design, from, to));
  return pool.study(spec, plan, { from, to }).then(done);
}

const range = (lo: number, hi: number) => `${Number(lo.toPrecision(6))}..${Number(hi.toPrecision(6))}`;
const ci = (x: { lo: number; hi: number } | undefined) => (x ? `[${fixed(x.lo, 3)}, ${fixed(x.hi, 3)}]` : '');

/** A point whose indicator gave no number at the horizon makes the indices missing: say so. */
function studyWarnings(plan: StudyPlan, y: Float64Array): string[] {
  let missing = 0;
  for (const x of y) if (Number.isNaN(x)) missing++;
  return missing === 0
    ? []
    : [
        `indicator ${plan.metric} gave no number at ${plan.horizon} at ${missing} of ${y.length} points: the indices that use them are missing`,
      ];
}

/** A study's output, from its result alone (merge prints the same through here). */
export function studyText(v: Values, r: StudyResult, fmt: string): CommandOutput {
  if (fmt === 'json') return { text: json(v, r), out: out(v) };
  const runs = r.evaluations * r.seeds;
  if (fmt === 'csv') {
    const head = ['input', 'kind', 'low_end', 'high_end', 'base'];
    const cols: Record<Method, string[]> = {
      sobol: ['S1', 'S1_lo', 'S1_hi', 'ST', 'ST_lo', 'ST_hi'],
      morris: ['mu_star', 'mu_star_lo', 'mu_star_hi', 'mu', 'sigma'],
      oat: ['at_low_end', 'at_high_end', 'swing'],
    };
    const cells = (i: StudyResult['inputs'][number]): number[] =>
      r.method === 'sobol'
        ? [i.first?.value, i.first?.lo, i.first?.hi, i.total?.value, i.total?.lo, i.total?.hi].map(
            (x) => x ?? Number.NaN,
          )
        : r.method === 'morris'
          ? [i.muStar?.value, i.muStar?.lo, i.muStar?.hi, i.mu, i.sigma].map((x) => x ?? Number.NaN)
          : [i.low, i.high, i.swing].map((x) => x ?? Number.NaN);
    const meta: Record<string, string | number> = {
      'strategic-triangle sensitivity': r.title,
      scenario: r.scenario,
      method: r.method,
      indicator: r.indicator,
      horizon: r.horizon,
      steps: r.steps,
      seeds: r.seeds,
      'seed-start': r.seedStart,
      points: r.evaluations,
      'design-seed': r.designSeed,
      pinned: pinsText(r.pins),
    };
    if (r.variance !== undefined) meta.variance = r.variance;
    if (r.base !== undefined) meta['at base'] = r.base;
    if (r.fixed.length > 0) meta.fixed = r.fixed.join(' ');
    const lines = [
      csvComment(meta),
      csvRow([...head, ...cols[r.method]]),
      ...r.inputs.map((i) => csvRow([i.name, i.kind, i.lo, i.hi, i.base, ...cells(i)])),
    ];
    return { text: `${lines.join('\n')}\n`, out: out(v) };
  }
  const title = [
    `${r.scenario}${pinsLabel(r.pins)}: ${r.method} sensitivity of ${r.indicator} at ${r.horizon} (${r.steps} steps)`,
    `${r.evaluations} points x ${r.seeds} seed${r.seeds > 1 ? 's' : ''} from ${r.seedStart} = ${runs} runs; each point is the seeds' mean`,
  ];
  let body: string;
  if (r.method === 'sobol') {
    title.push(
      `S1 first order (Saltelli 2010), ST total (Jansen 1999), 95% bootstrap intervals; output variance ${r.variance?.toPrecision(3)}`,
    );
    body = table(
      ['input', 'kind', 'range', 'S1', 'S1 95%', 'ST', 'ST 95%'],
      r.inputs.map((i) => [
        i.name,
        i.kind,
        range(i.lo, i.hi),
        fixed(i.first?.value ?? Number.NaN, 3),
        ci(i.first),
        fixed(i.total?.value ?? Number.NaN, 3),
        ci(i.total),
      ]),
    );
  } else if (r.method === 'morris') {
    title.push(
      `mu* = mean |elementary effect| of moving an input across its whole range (Campolongo 2007); sigma = their SD`,
    );
    body = table(
      ['input', 'kind', 'range', 'mu*', 'mu* 95%', 'mu', 'sigma'],
      r.inputs.map((i) => [
        i.name,
        i.kind,
        range(i.lo, i.hi),
        fixed(i.muStar?.value ?? Number.NaN),
        ci(i.muStar),
        fixed(i.mu ?? Number.NaN),
        fixed(i.sigma ?? Number.NaN),
      ]),
    );
  } else {
    title.push(`one at a time: ${r.indicator} is ${fixed(r.base ?? Number.NaN)} with every input at its base`);
    body = table(
      ['input', 'kind', 'range', 'at low end', 'at high end', 'swing'],
      r.inputs.map((i) => [
        i.name,
        i.kind,
        range(i.lo, i.hi),
        fixed(i.low ?? Number.NaN),
        fixed(i.high ?? Number.NaN),
        fixed(i.swing ?? Number.NaN),
      ]),
    );
  }
  const note = r.fixed.length > 0 ? `\nnot varied (a range of one point): ${r.fixed.join(', ')}\n` : '';
  return { text: `${title.join('\n')}\n\n${body}\n${note}`, out: out(v) };
}

/** merge takes files as plain words, options anywhere. */
export function parseMerge(args: string[], options: OptionSpec): Values {
  const files: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--format' || a === '--out') {
      rest.push(a);
      if (k + 1 < args.length) rest.push(args[++k]);
    } else if (a.startsWith('-') && a !== '-') rest.push(a);
    else files.push(a);
  }
  return { ...parseOptions('merge', rest, options), files };
}

export function mergeCommand(v: Values, ctx: CommandContext): CommandOutput {
  const names = (v.files as string[] | undefined) ?? [];
  const files: ShardFile[] = names.map((name) => {
    try {
      return { name, text: readFileSync(isAbsolute(name) ? name : resolve(ctx.cwd, name), 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(
        `merge: cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`,
      );
    }
  });
  const merged = mergeShards(files);
  const fmt = format(v, ['json', 'csv', 'table']);
  if (merged.command === 'sweep') {
    const study = merged.study as SweepStudy;
    const rows = merged.items.map((item, k) => {
      const means: Record<string, number> = {};
      const list = item.means as unknown[];
      if (!Array.isArray(list) || list.length !== study.metrics.length) {
        throw new CliError(
          `merge: item ${k} has ${Array.isArray(list) ? list.length : 'no'} means, expected ${study.metrics.length}`,
        );
      }
      study.metrics.forEach((name, j) => {
        means[name] = decodeNumber(list[j], `merge: item ${k}, ${name}`);
      });
      return { value: decodeNumber(item.value, `merge: item ${k}, value`), means };
    });
    return sweepText(v, study, rows, fmt);
  }
  if (merged.command === 'claims-map') {
    const plan = merged.study as ClaimsMapPlan;
    return claimsMapText(v, analyseMap(plan, mapPoints(plan, merged.items)), fmt);
  }
  const plan = merged.study as StudyPlan;
  const y = Float64Array.from(merged.items, (item, k) => decodeNumber(item.y, `merge: item ${k}`));
  return { ...studyText(v, analyse(plan, y), fmt), warnings: studyWarnings(plan, y) };
}
