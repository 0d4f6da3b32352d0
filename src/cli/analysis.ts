// What the levers and the choices do: `efficacy` (every substantive lever at 0 against 1 on the headline
// outcomes) and `agency` (the same runs with decisions frozen).
import type { LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { type AgencyRow, agency } from '../sim/agency';
import { type EfficacyRow, efficacy, meetsBar, SEED_EFFECTS } from '../sim/efficacy';
import { toWorld } from '../sim/ensemble';
import { withSamples } from '../sim/experiment';
import type { Pins } from '../sim/run';
import { CliError, MAX_SEEDS, parseInteger, parsePins, resolveScenario } from './args';
import {
  type CommandContext,
  type CommandOutput,
  canonicalPins,
  format,
  json,
  out,
  poolFor,
  required,
  SCENARIO_HINT,
  type Values,
} from './commands';
import { csvComment, csvRow, fixed, pinsText, table } from './format';
import { applyFrozen } from './frozen';

export const ANALYSIS_DEFAULT_SEEDS = 50;

/** Tables by default: these commands are read, not piped (json and csv on request). */
function analysisFormat(v: Values): string {
  return typeof v.format === 'string' ? format(v, ['table', 'json', 'csv']) : 'table';
}

function analysisSeeds(v: Values): number {
  return typeof v.seeds === 'string' ? parseInteger(v.seeds, '--seeds', 2, MAX_SEEDS) : ANALYSIS_DEFAULT_SEEDS;
}

function signed(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return x > 0 ? '+inf' : '-inf';
  const s = fixed(x, digits);
  return s.startsWith('-') ? s : `+${s}`;
}

export function efficacyCommand(v: Values, ctx: CommandContext): CommandOutput | Promise<CommandOutput> {
  const fmt = analysisFormat(v);
  const spec = applyFrozen(
    v,
    resolveScenario(required(v, 'scenario', 'efficacy', SCENARIO_HINT), '--scenario', ctx.cwd).spec,
  );
  const n = analysisSeeds(v);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  const world = toWorld({ ...spec, pinned: { ...spec.pinned, ...pins } });
  const pool = poolFor(v, ctx);
  if (pool)
    return withSamples(pool, () => efficacy(world, n)).then((rows) => efficacyText(v, spec, n, pins, rows, fmt));
  return efficacyText(v, spec, n, pins, efficacy(world, n), fmt);
}

function efficacyText(
  v: Values,
  spec: ModelSpec,
  n: number,
  pins: Pins,
  rows: EfficacyRow[],
  fmt: string,
): CommandOutput {
  const named = (lever: LeverName, metric: string) =>
    SEED_EFFECTS.find((e) => e.lever === lever && e.outcome === metric && e.era === spec.id);
  if (fmt === 'json') {
    return {
      text: json(v, {
        scenario: spec.id,
        seeds: n,
        pinned: pins,
        rows: rows.map((r) => ({
          lever: r.lever,
          effects: r.effects.map((e) => {
            const se = named(r.lever, e.metric);
            return { ...e, seedNamed: se ? { dir: se.dir, seed: se.seed, meetsBar: meetsBar(e, se.dir) } : null };
          }),
        })),
      }),
      out: out(v),
    };
  }
  if (fmt === 'csv') {
    const lines = [
      csvComment({ 'strategic-triangle efficacy': spec.title, scenario: spec.id, seeds: n, pinned: pinsText(pins) }),
      csvRow(['lever', 'metric', 'mean_diff', 'd', 'share_up', 'share_down', 'sd', 'seed_named_dir', 'meets_bar']),
    ];
    for (const r of rows) {
      for (const e of r.effects) {
        const se = named(r.lever, e.metric);
        lines.push(
          csvRow([
            r.lever,
            e.metric,
            e.diff,
            e.d,
            e.up,
            e.down,
            e.sd,
            se ? se.dir : '',
            se ? (meetsBar(e, se.dir) ? 1 : 0) : '',
          ]),
        );
      }
    }
    return { text: `${lines.join('\n')}\n`, out: out(v) };
  }
  const metrics = rows[0]?.effects.map((e) => e.metric) ?? [];
  const body = table(
    ['metric', ...rows.map((r) => r.lever)],
    metrics.map((m, k) => [
      m,
      ...rows.map((r) => {
        const e = r.effects[k];
        const se = named(r.lever, m);
        const mark = se ? (meetsBar(e, se.dir) ? ' *' : ' !') : '  ';
        return `${signed(e.diff)} (${signed(e.d, 1)})${mark}`;
      }),
    ]),
  );
  const passing = rows.filter((r) =>
    r.effects.some((e) => {
      const se = named(r.lever, e.metric);
      return se && meetsBar(e, se.dir);
    }),
  );
  const title = [
    `${spec.id}: each lever pinned at 0 against 1 for the whole run; effect on each outcome at the horizon`,
    `mean paired difference (1 - 0) over seeds 1..${n}, and in brackets d: the difference in seed SDs on unpaired seeds (0 on 1..${n}, 1 on ${n + 1}..${2 * n})`,
    `* an outcome a seed names for this lever in this era, moved in the seed's direction by >= 1 SD and a visible amount`,
    `  (0.02 on an indicator, 0.05 on a tie); ! a seed-named outcome that falls short`,
  ];
  const summary = `levers with a seed-named outcome at the bar: ${passing.length} of ${rows.length} (${passing.map((r) => r.lever).join(', ') || 'none'})`;
  return { text: `${title.join('\n')}\n\n${body}\n\n${summary}\n`, out: out(v) };
}

export function agencyCommand(v: Values, ctx: CommandContext): CommandOutput | Promise<CommandOutput> {
  const fmt = analysisFormat(v);
  const spec = resolveScenario(required(v, 'scenario', 'agency', SCENARIO_HINT), '--scenario', ctx.cwd).spec;
  if (v['no-decisions'] || typeof v.frozen === 'string')
    throw new CliError('agency freezes decisions itself: leave out --no-decisions and --frozen');
  const actor = typeof v.actor === 'string' ? v.actor : 'RU';
  if (!spec.actors.some((a) => a.id === actor))
    throw new CliError(
      `--actor: unknown actor "${actor}" (the roster of ${spec.id}: ${spec.actors.map((a) => a.id).join(', ')})`,
    );
  const n = analysisSeeds(v);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  const pool = poolFor(v, ctx);
  const world = toWorld(spec);
  if (pool)
    return withSamples(pool, () => agency(world, n, actor, pins)).then((rows) =>
      agencyText(v, spec, n, actor, pins, rows, fmt),
    );
  return agencyText(v, spec, n, actor, pins, agency(world, n, actor, pins), fmt);
}

function agencyText(
  v: Values,
  spec: ModelSpec,
  n: number,
  actor: string,
  pins: Pins,
  rows: AgencyRow[],
  fmt: string,
): CommandOutput {
  if (fmt === 'json') return { text: json(v, { scenario: spec.id, seeds: n, actor, pinned: pins, rows }), out: out(v) };
  if (fmt === 'csv') {
    const lines = [
      csvComment({
        'strategic-triangle agency': spec.title,
        scenario: spec.id,
        seeds: n,
        actor,
        pinned: pinsText(pins),
      }),
      csvRow(['metric', 'start', 'change', 'change_frozen', 'decisions_share', 'd_vs_frozen', `d_vs_${actor}_frozen`]),
      ...rows.map((r) =>
        csvRow([r.metric, r.start, r.change, r.changeFrozen, r.decisionsShare ?? '', r.vsFrozen.d, r.vsActorFrozen.d]),
      ),
    ];
    return { text: `${lines.join('\n')}\n`, out: out(v) };
  }
  const body = table(
    ['metric', 'start', 'change', 'frozen: change', 'by decisions', 'd vs frozen', `d vs ${actor} frozen`],
    rows.map((r) => [
      r.metric,
      fixed(r.start, 3),
      signed(r.change),
      signed(r.changeFrozen),
      r.decisionsShare === null ? '' : `${(100 * r.decisionsShare).toFixed(0)}%`,
      signed(r.vsFrozen.d, 1),
      signed(r.vsActorFrozen.d, 1),
    ]),
  );
  const title = [
    `${spec.id}: how much of each change from the start to the horizon the actors' choices make (${n} seeds)`,
    'frozen: every decision is hold (same seeds, so the runs pair); by decisions: (change - frozen change) / change',
    `d: the model against frozen decisions (all, or ${actor}'s alone), in seed SDs on unpaired seeds`,
  ];
  return { text: `${title.join('\n')}\n\n${body}\n`, out: out(v) };
}
