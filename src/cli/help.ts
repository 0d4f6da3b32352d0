// --help texts. Lever names, ranges and meanings come from the model's LEVERS table and the presets are
// listed from the bundled files, so the help cannot drift from the code.
import { LEVERS } from '../model/levers';
import { INDICATOR_NAMES, type IndicatorName } from '../model/spec';
import { formatQuarter } from '../model/time';
import { FILE_SIZE_TEXT } from '../scenario/decode';
import { EXPR_CHARS_MAX, EXPR_DEPTH_MAX } from '../scenario/exprAst';
import {
  ACTORS_MAX,
  AMOUNT_MIN,
  EVENTS_MAX,
  INDICATORS_MAX,
  INVESTMENT_MAX,
  PAIRS_MAX,
  SOURCES_MAX,
  START_MAX,
  START_MIN,
  STEPS_MAX,
  TRADE_MAX,
} from '../scenario/limits';
import { PROBLEMS_LISTED } from '../scenario/messages';
import { loadPreset, PRESET_IDS } from '../scenario/presets';
import { MAP_DEFAULTS } from '../sim/claimsMap';
import { CONFIGS } from '../sim/ensemble';
import { ANALYSIS_DEFAULT_SEEDS } from './analysis';
import { ERROR_CHARS_MAX, MAX_SEED, MAX_SEEDS, MAX_STEPS, MAX_SWEEP_VALUES } from './args';
import { MAX_MAP_SAMPLES } from './claimsMap';
import { FROZEN_HELP } from './frozen';
import { READ_WAIT_MS } from './readFile';

export const COMMANDS = [
  'run',
  'ensemble',
  'compare',
  'sweep',
  'sensitivity',
  'merge',
  'efficacy',
  'agency',
  'claims-map',
] as const;
export type Command = (typeof COMMANDS)[number];

const SIM = 'npm run --silent sim --';

const INDICATOR_MEANING: Record<IndicatorName, string> = {
  ru_dependence_on_cn: "China's share of Russia's total trade (0..1)",
  cn_dependence_on_ru: "Russia's share of China's total trade (0..1)",
  ru_autonomy: "Russia's standing in Asia apart from China: diversity of its Asian partners (0..1)",
  ru_negotiating_space: "Russia's bargaining room with China over energy (0..1)",
  rfe_development: 'development of the Russian Far East (0..1)',
  ru_sea_presence: "Russia's presence in Southeast Asia (0..1)",
};

function indent(lines: string[], by = '  '): string {
  return lines.map((l) => (l ? by + l : l)).join('\n');
}

function leverLines(): string[] {
  const w = Math.max(...LEVERS.map((l) => l.name.length));
  return LEVERS.map(
    (l) =>
      `${l.name.padEnd(w)}  ${`${l.min}..${l.max}`.padEnd(6)} default ${String(l.default).padEnd(4)}  ${l.meaning}`,
  );
}

function presetLines(): string[] {
  const w = Math.max(...PRESET_IDS.map((id) => id.length));
  return PRESET_IDS.map((id) => {
    const r = loadPreset(id);
    if (!r.ok) return `${id.padEnd(w)}  (invalid: ${r.errors[0]})`;
    const s = r.spec;
    return `${id.padEnd(w)}  ${formatQuarter(s.start)}, ${s.steps} steps, seed ${s.seed}: ${s.title}`;
  });
}

function indicatorLines(): string[] {
  const w = Math.max(...INDICATOR_NAMES.map((n) => n.length));
  return [
    ...INDICATOR_NAMES.map((n) => `${n.padEnd(w)}  ${INDICATOR_MEANING[n]}`),
    `then the scenario's own indicators (e.g. ru_cn_trade_gap in the presets),`,
    `then every tie (-1..1), named by its two actors in alphabetical order: CN-US, RU-US, CN-RU, ...`,
  ];
}

const EXIT_CODES = [
  '0  success',
  '1  internal error (a bug: please report the message)',
  '2  bad input: unknown command or option, missing option, bad number, unknown lever, value out of',
  '   range, unknown scenario, unreadable or invalid scenario file, --out not writable or naming a',
  '   scenario file the command reads',
  `Errors print one line starting with "error: " on stderr, at most ${ERROR_CHARS_MAX} characters, control`,
  `characters escaped (an invalid scenario file adds its first ${PROBLEMS_LISTED} problems, one line each and`,
  'naming the field, then how many more). On error nothing is written to --out. A run that goes on',
  'despite a problem (an extra indicator with no number at some steps) prints "warning: " lines.',
];

/** Every limit on input, from the constants the code checks with. */
function limitLines(): string[] {
  return [
    `--steps 0..${STEPS_MAX}; --seeds 1..${MAX_SEEDS}; seeds 0..${MAX_SEED}; --values at most ${MAX_SWEEP_VALUES} values`,
    `Scenario files: at most ${FILE_SIZE_TEXT}, read in chunks (an endless device is refused at that size, a`,
    `FIFO with no writer at once, a pipe after ${READ_WAIT_MS / 1000} s of silence); UTF-8 with or without a byte-order`,
    `mark, or UTF-16 with one. At most ${ACTORS_MAX} actors (at least 3), ${PAIRS_MAX} entries each in ties, trade`,
    `and security (one per pair), ${EVENTS_MAX} events, ${INDICATORS_MAX} extra indicators, ${SOURCES_MAX} sources;`,
    `expressions of at most ${EXPR_CHARS_MAX} characters and ${EXPR_DEPTH_MAX} levels of nesting; the start`,
    `${START_MIN}..${START_MAX} (every date of a run has four digits); trade and other trade 0 or`,
    `${AMOUNT_MIN}..${TRADE_MAX} USD bn a year, RFE investment 0 or ${AMOUNT_MIN}..${INVESTMENT_MAX} USD bn; every`,
    'other number within the range scenarios/scenario.schema.json gives it. Of an invalid file, the',
    `first ${PROBLEMS_LISTED} problems are listed, then how many more.`,
  ];
}

const COMMON_OPTIONS = [
  `--steps N          quarters to simulate, 0..${MAX_STEPS} (default: the scenario's length)`,
  '--set LEVER=V      pin a lever at V for the whole run (events and decisions leave it); repeat',
  '                   the option or separate pins with commas: --set war=0,sanctions=0.5',
  '--out FILE         write the output to FILE (atomically: only once the run succeeded)',
  '--pretty           indent the JSON output',
  ...FROZEN_HELP,
  '-h, --help         this help',
];

const WORKERS_OPTION = ['--workers N        worker threads (default: one per core); the numbers do not depend on it'];

const SHARD_OPTION = [
  '--shard I/N        compute only the I-th of N equal slices (I = 1..N) and write JSON lines;',
  '                   `merge` combines the N files into the output of the unsharded command',
];

const SEEDS_OPTIONS = [
  `--seeds N          number of seeds, 1..${MAX_SEEDS} (required)`,
  '--seed-start S     first seed (default 1): seeds S, S+1, ..., S+N-1, one generator each',
];

const SCENARIO_ARG = [
  'A scenario is a preset id or the path of a scenario .json file (checked against',
  'scenarios/scenario.schema.json; problems are reported by field).',
];

export function globalHelp(): string {
  return [
    "sim: the strategic-triangle model from the command line (US, China, Russia and Russia's ties across Asia).",
    'Every run is a pure function of (scenario, seed, steps, pinned levers): the same call prints the same bytes.',
    '',
    'Usage:',
    `  ${SIM} <command> [options]`,
    `  ${SIM} <command> --help`,
    '',
    'Commands:',
    indent([
      "run       one seeded trajectory: every step's ties, indicators, triangle, utilities and moves",
      'ensemble  many seeds: per step, mean, SD and 5/25/50/75/95% quantiles of every indicator and tie,',
      '          and the share of seeds in each triangle configuration',
      'compare   two scenarios on the same seeds: mean difference b - a at the horizon, share b > a',
      'sweep     one lever over a list of values: ensemble mean of every metric at the horizon',
      'sensitivity  how an indicator at the horizon depends on each lever and model parameter:',
      "          Morris screening, Sobol' indices, or one at a time (tornado)",
      'merge     combine the shard files of a sweep, sensitivity or claims-map study run with --shard i/n',
      'efficacy  what each slider does: every substantive lever at 0 against 1, its effect on the headline',
      '          outcomes (mean, and d in seed SDs on unpaired seeds), seed-named outcomes marked',
      "agency    how much of each change the actors' choices make (decisions frozen against not)",
      "claims-map  under which assumptions each claim holds: its share of a Latin hypercube over the model's",
      '          free parameters, and the parameters that decide it',
    ]),
    '',
    'Common options:',
    indent(COMMON_OPTIONS),
    '',
    ...SCENARIO_ARG,
    '',
    'Presets:',
    indent(presetLines()),
    '',
    'Levers (for --set and sweep --lever):',
    indent(leverLines()),
    '',
    'Metrics (indicators, then ties):',
    indent(indicatorLines()),
    '',
    `Triangle configurations (Dittmer): ${CONFIGS.join(', ')}`,
    '',
    'Limits:',
    indent(limitLines()),
    '',
    'Exit status:',
    indent(EXIT_CODES),
    '',
    'Examples:',
    indent([
      `${SIM} run --scenario post-ukraine --seed 7`,
      `${SIM} run --scenario pre-2022 --set sanctions=0 --format csv --out pre.csv`,
      `${SIM} ensemble --scenario post-ukraine --seeds 200 --format csv`,
      `${SIM} compare --a post-ukraine --b no-war-2022 --seeds 100 --format table`,
      `${SIM} sweep --scenario post-ukraine --lever jp_rfe_openness --values 0:1:0.25 --seeds 50`,
      `${SIM} sensitivity --scenario post-ukraine --indicator ru_dependence_on_cn --method morris --format table`,
    ]),
    '',
  ].join('\n');
}

const HELP: Record<Command, () => string[]> = {
  run: () => [
    'run: one seeded trajectory.',
    '',
    'Usage:',
    `  ${SIM} run --scenario ID|FILE [--seed N] [--steps N] [--set LEVER=V ...] [--change LEVER=V@YYYYQn ...] [--format json|csv] [--out FILE]`,
    '',
    'Options:',
    indent([
      '--scenario ID|FILE  preset id or scenario file (required)',
      "--seed N           the generator's seed, 0..4294967295 (default: the scenario's seed)",
      '--change L=V@DATE  from that quarter on, the lever takes V and is held there, exactly as a slider',
      "                   moved in the app at that quarter (the app's footer gives this command); repeat",
      '--format F         json (default) or csv',
      ...COMMON_OPTIONS,
    ]),
    '',
    'JSON output:',
    indent([
      '{ scenario, title, start, horizon, seed, steps,',
      '  actors: [{id, name, color}],',
      "  levers: {initial: the scenario's lever values, pinned: every pinned lever (the scenario's",
      '           own pins and --set), set: the --set pins, changes: [{lever, value, from}]},',
      '  hash: the state hash at the last step (equal inputs give equal hashes),',
      '  trajectory: [{t, date, ties: {"CN-RU": x, ...}, indicators: {...}, triangle: {config,',
      '               roles: {US, CN, RU}, neutral}, blocs, levers, energy, trade,',
      '               utility: {RU: {total, terms: {...}}, ...}, moves: [{actor, kind, target, move,',
      '               label, p, dU}], events: [...]}, ...]  (t = 0..steps) }',
    ]),
    'CSV output (one row per step, after one "#" comment line with scenario, seed, steps, pins):',
    indent(['run,seed,t,date,<indicators...>,<ties...>,triangle   (run is 1; metrics in the order of --help)']),
    '',
    'Examples:',
    indent([
      `${SIM} run --scenario post-ukraine`,
      `${SIM} run --scenario ./my-scenario.json --seed 3 --steps 40 --set war=0 --format csv`,
    ]),
    '',
  ],
  ensemble: () => [
    'ensemble: many seeds of one scenario, summarised per step.',
    '',
    'Usage:',
    `  ${SIM} ensemble --scenario ID|FILE --seeds N [--seed-start S] [--steps N] [--set LEVER=V ...] [--format json|csv] [--out FILE]`,
    '',
    'Options:',
    indent([
      '--scenario ID|FILE  preset id or scenario file (required)',
      ...SEEDS_OPTIONS,
      ...WORKERS_OPTION,
      '--format F         json (default) or csv',
      ...COMMON_OPTIONS,
    ]),
    '',
    'JSON output:',
    indent([
      '{ scenario, seeds, seedStart, steps, pins: the --set pins, quantiles: {method, bounds}, metrics: [names],',
      '  trajectory: [{t, date, metrics: {NAME: {mean, sd, q05, q25, q50, q75, q95}, ...},',
      `               configs: {${CONFIGS.join(', ')}: share of seeds}}, ...] }`,
    ]),
    'CSV output: wide, one row per step, after one "#" comment line:',
    indent([
      't,date,<m>_mean,<m>_sd,<m>_q05,<m>_q25,<m>_q50,<m>_q75,<m>_q95 for every metric m,',
      'share_<config> for every configuration; sd is the sample standard deviation (n - 1).',
      "Quantiles interpolate linearly between order statistics (R type 7, numpy's default). They are",
      'exact while seeds x (steps + 1) x metrics is at most 4,194,304 values; above that the statistics',
      'stream in fixed memory (any number of seeds) and quantiles come from fixed-grid histograms, off by',
      'less than one bin: 0.0025 for indicators and ties, 1% (or 0.0002 near zero) for scenario indicators.',
    ]),
    '',
    'Example:',
    indent([`${SIM} ensemble --scenario post-ukraine --seeds 500 --format csv --out post.csv`]),
    '',
  ],
  compare: () => [
    'compare: two scenarios run on the same seeds (paired), compared at the horizon.',
    '',
    'Usage:',
    `  ${SIM} compare --a ID|FILE --b ID|FILE --seeds N [--seed-start S] [--steps N] [--set LEVER=V ...] [--set-b LEVER=V ...] [--format json|csv|table] [--out FILE]`,
    '',
    'Options:',
    indent([
      '--a ID|FILE        scenario a (required)',
      '--b ID|FILE        scenario b (required); b may be the same scenario as a, with --set-b',
      ...SEEDS_OPTIONS,
      '--set-b LEVER=V    pins for b only, on top of --set (which pins both)',
      '--format F         json (default), csv, or table (aligned text for reading)',
      ...COMMON_OPTIONS,
    ]),
    '',
    "--steps defaults to the shorter scenario's length, so neither runs past its own horizon; both",
    'horizon dates are reported (they differ when a and b start at different dates). Metrics missing from',
    'either scenario (an actor not on both rosters) are left out.',
    '',
    'JSON output:',
    indent([
      "{ a, b, seeds, seedStart, steps, horizon (a's date), horizonB, pins: the --set pins, pinsB: b's (--set and --set-b),",
      '  rows: [{metric, meanA, meanB, meanDiff: mean of the paired differences b - a,',
      '          shareBGreater: share of seeds where b > a}, ...] }',
    ]),
    'CSV output: metric,mean_a,mean_b,mean_diff,share_b_greater  (one row per metric, after a "#" line)',
    '',
    'Examples:',
    indent([
      `${SIM} compare --a post-ukraine --b no-war-2022 --seeds 100 --format table`,
      `${SIM} compare --a post-ukraine --b post-ukraine --set-b jp_rfe_openness=1 --seeds 100`,
    ]),
    '',
  ],
  sweep: () => [
    'sweep: one lever over a list of values (a one-lever BehaviorSpace).',
    '',
    'Usage:',
    `  ${SIM} sweep --scenario ID|FILE --lever NAME --values LIST --seeds N [--seed-start S] [--steps N] [--set LEVER=V ...] [--format json|csv|table] [--out FILE]`,
    '',
    'Options:',
    indent([
      '--scenario ID|FILE  preset id or scenario file (required)',
      '--lever NAME       the lever to sweep (required; see the list below); it cannot also be --set',
      `--values LIST      v1,v2,... or from:to:step (both ends included), at most ${MAX_SWEEP_VALUES} values (required)`,
      ...SEEDS_OPTIONS,
      ...WORKERS_OPTION,
      ...SHARD_OPTION,
      '--format F         json (default), csv, or table (metrics down, values across)',
      ...COMMON_OPTIONS,
    ]),
    '',
    'JSON output:',
    indent([
      '{ scenario, lever, seeds, seedStart, steps, horizon, pins, metrics: [names],',
      '  rows: [{value, means: {NAME: ensemble mean at the horizon, ...}}, ...] }',
    ]),
    'CSV output: <lever>,<metrics...>  (one row per value, after a "#" line)',
    '',
    'Examples:',
    indent([
      `${SIM} sweep --scenario post-ukraine --lever sanctions --values 0,0.5,1 --seeds 100 --format table`,
      `${SIM} sweep --scenario post-ukraine --lever sanctions --values 0:1:0.05 --seeds 1000 --shard 2/4 --out s2.jsonl`,
    ]),
    '',
  ],
  sensitivity: () => [
    "sensitivity: how an indicator at the horizon depends on the levers and the model's free parameters.",
    '',
    'Usage:',
    `  ${SIM} sensitivity --scenario ID|FILE --indicator NAME --method morris|sobol|oat [--samples N] [--seeds N] [--inputs LIST] [--range NAME=LO:HI ...] [--format json|csv|table] [--shard I/N] [--out FILE]`,
    '',
    'Options:',
    indent([
      '--scenario ID|FILE  preset id or scenario file (required)',
      '--indicator NAME   the output: an indicator, a scenario indicator or a tie such as CN-RU (required)',
      '--method M         morris (screening: mu*, sigma), sobol (first-order and total indices with',
      '                   bootstrap intervals) or oat (one at a time: a tornado) (required)',
      '--samples N        sobol: base points N (default 64; a power of two is best), N x (inputs + 2)',
      '                   points in all; morris: trajectories r (default 10), r x (inputs + 1) points',
      "--seeds N          seeds per point (default 8): a point's output is the mean over seeds S..S+N-1,",
      '                   the same seeds at every point',
      '--seed-start S     first seed (default 1)',
      '--inputs LIST      what varies, comma-separated: groups levers (the 8 substantive levers), params',
      '                   (the model parameters), design (beta, noise) and single names (default levers,params)',
      '--range N=LO:HI    the range of one input (repeatable); by default a lever varies over its whole',
      "                   range, a parameter or design lever by +-25% of the scenario's value, clipped to",
      '                   the range a scenario file allows',
      "--design-seed S    seed of the design (the digital shift of the Sobol' points, Morris's draws) and",
      '                   of the bootstrap (default 1)',
      '--bootstrap B      bootstrap resamples for the 95% intervals (default 500; 0 for none)',
      '--format F         json (default), csv, or table (most influential input first)',
      ...WORKERS_OPTION,
      ...SHARD_OPTION,
      ...COMMON_OPTIONS,
    ]),
    '',
    'A lever input is pinned for the whole run at each point (as --set does; an actor that decides it no',
    'longer moves it). In oat the base is the scenario as written (nothing pinned) and each input in turn',
    'takes the low and the high end of its range. --set pins other levers at every point.',
    '',
    'JSON output:',
    indent([
      '{ scenario, title, method, indicator, horizon, steps, seeds, seedStart, samples, evaluations,',
      '  designSeed, pins, variance (sobol) | base (oat), fixed: [inputs with a one-point range],',
      '  inputs: [{name, kind, lo, hi, base, first: {value, lo, hi}, total: {...}     (sobol)',
      '                                   mu, muStar: {value, lo, hi}, sigma         (morris)',
      '                                   low, high, swing}, ...]                    (oat) }',
      'inputs are ranked: by total index, mu* or swing, most influential first.',
    ]),
    'CSV output: input,kind,low_end,high_end,base and S1,S1_lo,S1_hi,ST,ST_lo,ST_hi (sobol),',
    '  mu_star,mu_star_lo,mu_star_hi,mu,sigma (morris) or at_low_end,at_high_end,swing (oat).',
    '',
    'Examples:',
    indent([
      `${SIM} sensitivity --scenario post-ukraine --indicator ru_dependence_on_cn --method morris --format table`,
      `${SIM} sensitivity --scenario post-ukraine --indicator CN-RU --method sobol --inputs levers --samples 256`,
      `${SIM} sensitivity --scenario pre-2022 --indicator ru_autonomy --method oat --format table`,
    ]),
    '',
  ],
  merge: () => [
    'merge: combine the shard files of one study into what the unsharded command prints, byte for byte.',
    '',
    'Usage:',
    `  ${SIM} merge FILE... [--format json|csv|table] [--pretty] [--out FILE]`,
    '',
    'The files are the outputs of the same sweep, sensitivity or claims-map command with --shard 1/N .. N/N (any',
    'order). merge checks that they belong to one study and that every shard is there once.',
    '',
    'Example (four shards on one machine with GNU parallel; a Slurm job array works the same way):',
    indent([
      `parallel ${SIM} sensitivity --scenario post-ukraine --indicator ru_dependence_on_cn --method sobol --shard {}/4 --out shard-{}.jsonl ::: 1 2 3 4`,
      `${SIM} merge shard-*.jsonl --format table`,
    ]),
    '',
  ],
  efficacy: () => [
    'efficacy: what each slider does, before you touch it.',
    '',
    'Usage:',
    `  ${SIM} efficacy --scenario ID|FILE [--seeds N] [--set LEVER=V ...] [--format table|json|csv] [--out FILE] [--workers N]`,
    '',
    'Each substantive lever (war, sanctions, ru_econ_policy, us_pivot, us_engagement, cn_jp_tension,',
    'jp_rfe_openness, vn_cam_ranh) is pinned at 0 and at 1 for the whole run, and its effect on the headline',
    "outcomes (the indicators and Russia's ties) is measured at the horizon: the mean paired difference over",
    'seeds 1..N, the share of seeds up and down, and d: the difference in seed SDs between seeds 1..N at 0 and',
    'seeds N+1..2N at 1 (unpaired, so shared random numbers cannot carry it). Outcomes a seed text names for a',
    "lever in the scenario's era are marked * when moved in the seed's direction by >= 1 SD and a visible",
    'amount (0.02 on an indicator, 0.05 on a tie), ! when not.',
    '',
    'Options:',
    indent([
      '--scenario ID|FILE  preset id or scenario file (required)',
      `--seeds N          seeds per condition, 2..${MAX_SEEDS} (default ${ANALYSIS_DEFAULT_SEEDS}); runs 3N per lever`,
      '--format F         table (default), json or csv',
      ...WORKERS_OPTION,
      ...COMMON_OPTIONS.filter((l) => !l.startsWith('--steps')),
    ]),
    '',
    'Example:',
    indent([`${SIM} efficacy --scenario pre-2022 --seeds 100`]),
    '',
  ],
  agency: () => [
    "agency: how much of what happens the actors' choices make.",
    '',
    'Usage:',
    `  ${SIM} agency --scenario ID|FILE [--seeds N] [--actor ID] [--set LEVER=V ...] [--format table|json|csv] [--out FILE] [--workers N]`,
    '',
    'For each headline outcome: its start, its mean change to the horizon, the same change with every',
    'decision frozen (every choice is hold; the same seeds), the share of the change the decisions make,',
    "and d (seed SDs, unpaired seeds) of the model against frozen decisions, all of them or one actor's.",
    '',
    'Options:',
    indent([
      '--scenario ID|FILE  preset id or scenario file (required)',
      `--seeds N          seeds per condition, 2..${MAX_SEEDS} (default ${ANALYSIS_DEFAULT_SEEDS})`,
      '--actor ID         the actor whose choices alone are also frozen (default RU)',
      '--format F         table (default), json or csv',
      ...WORKERS_OPTION,
      ...COMMON_OPTIONS.filter((l) => !l.startsWith('--steps') && !FROZEN_HELP.includes(l)),
    ]),
    '',
    'Example:',
    indent([`${SIM} agency --scenario pre-2022 --seeds 100`]),
    '',
  ],
  'claims-map': () => [
    'claims-map: under which assumptions each claim of CLAIMS.md holds.',
    '',
    'Usage:',
    `  ${SIM} claims-map [--samples N] [--seeds N] [--only C1,C3] [--design-seed S] [--format table|json|csv] [--shard I/N] [--out FILE] [--workers N]`,
    '',
    "A Latin hypercube of N points over the model's free parameters, each within ±25% of its default",
    '(clipped to the range a scenario may give it; the robustness study moves them one at a time, the map',
    'all together). At each point every preset is rebuilt with those parameters and each claim is judged as',
    '`npm run claims` judges it (paired share, sign, |d| >= 0.5), on the given seeds per condition. For each',
    'claim: the share of points where it holds, and the parameters that decide it: the point-biserial',
    '(rank) correlation r of "holds" with the parameter\'s position in its range, with the share holding in',
    'the lower and upper half of the range; * marks |r| >= 2/sqrt(N). A claim that holds at every point or',
    'at none has no deciding parameter. Validation claims (V1) are not mapped.',
    '',
    'Options:',
    indent([
      `--samples N        points of the hypercube, 2..${MAX_MAP_SAMPLES} (default ${MAP_DEFAULTS.samples})`,
      `--seeds N          seeds per condition, 2..${MAX_SEEDS} (default ${MAP_DEFAULTS.seeds})`,
      '--only LIST        the claims to map, e.g. C3,C7 (default: all but the validations)',
      `--design-seed S    seed of the hypercube's strata pairing, 0..4294967295 (default ${MAP_DEFAULTS.designSeed})`,
      '--format F         table (default), json or csv',
      ...SHARD_OPTION,
      ...WORKERS_OPTION,
      '--out FILE         write the output to FILE (atomically: only once the run succeeded)',
      '--pretty           indent the JSON output',
      '-h, --help         this help',
    ]),
    '',
    'Examples:',
    indent([
      `${SIM} claims-map --samples 32 --seeds 20`,
      `parallel ${SIM} claims-map --samples 256 --shard {}/4 --out map-{}.jsonl ::: 1 2 3 4`,
      `${SIM} merge map-*.jsonl --format table`,
    ]),
    '',
  ],
};

export function commandHelp(cmd: Command): string {
  return [
    ...HELP[cmd](),
    'Levers:',
    indent(leverLines()),
    '',
    'Presets:',
    indent(presetLines()),
    '',
    'Limits:',
    indent(limitLines()),
    '',
    'Exit status:',
    indent(EXIT_CODES),
    '',
  ].join('\n');
}
