// `claims-map`: the share of a Latin hypercube over the free parameters in which each claim holds, and
// the parameters that decide it (sim/claimsMap.ts). Shardable: --shard i/n writes JSON lines, `merge`
// prints what the unsharded command prints, through claimsMapText.
import {
  analyseMap,
  type ClaimsMapPlan,
  type ClaimsMapResult,
  claimsMapPlan,
  evaluateMap,
  evaluateMapOnPool,
  MAP_CLAIMS,
  MAP_DEFAULTS,
  type MapPointResult,
} from '../sim/claimsMap';
import { CliError, MAX_SEEDS, parseInteger } from './args';
import { type CommandContext, type CommandOutput, format, json, out, poolFor, type Values } from './commands';
import { csvComment, csvRow, fixed } from './format';
import { parseShard, shardRange, shardText } from './shard';

export const MAX_MAP_SAMPLES = 65_536;

function claimList(v: Values): string[] | undefined {
  if (typeof v.only !== 'string') return undefined;
  const ids = v.only.split(',').map((x) => x.trim());
  for (const id of ids) {
    if (!MAP_CLAIMS.includes(id)) {
      throw new CliError(`--only: unknown claim "${id}" (claims: ${MAP_CLAIMS.join(', ')})`);
    }
  }
  if (new Set(ids).size !== ids.length) throw new CliError('--only: a claim is named twice');
  return ids;
}

export function claimsMapCommand(v: Values, ctx: CommandContext): CommandOutput | Promise<CommandOutput> {
  const shard = typeof v.shard === 'string' ? parseShard(v.shard) : null;
  if (shard && v.format !== undefined)
    throw new CliError('--shard writes JSON lines for merge; give --format to merge');
  // A table unless asked (the map is read, like efficacy and agency; merge prints JSON unless asked).
  const fmt = format({ ...v, format: typeof v.format === 'string' ? v.format : 'table' }, ['table', 'json', 'csv']);
  const plan = claimsMapPlan({
    samples:
      typeof v.samples === 'string' ? parseInteger(v.samples, '--samples', 2, MAX_MAP_SAMPLES) : MAP_DEFAULTS.samples,
    seeds: typeof v.seeds === 'string' ? parseInteger(v.seeds, '--seeds', 2, MAX_SEEDS) : MAP_DEFAULTS.seeds,
    designSeed:
      typeof v['design-seed'] === 'string'
        ? parseInteger(v['design-seed'], '--design-seed', 0, 2 ** 32 - 1)
        : MAP_DEFAULTS.designSeed,
    claims: claimList(v),
  });
  const { from, to } = shard ? shardRange(shard, plan.samples) : { from: 0, to: plan.samples };
  const done = (points: MapPointResult[]): CommandOutput => {
    if (shard) return { text: shardText('claims-map', shard, plan.samples, plan, points), out: out(v) };
    return claimsMapText(v, analyseMap(plan, points), fmt);
  };
  const pool = poolFor(v, ctx);
  if (!pool) return done(evaluateMap(plan, from, to));
  return evaluateMapOnPool(plan, from, to, pool).then(done);
}

/** The points of merged shards, checked against the plan. */
export function mapPoints(plan: ClaimsMapPlan, items: readonly Record<string, unknown>[]): MapPointResult[] {
  return items.map((item, k) => {
    const holds = item.holds as Record<string, unknown> | undefined;
    if (item.i !== k || !holds || typeof holds !== 'object')
      throw new CliError(`merge: item ${k} is not a claims-map point`);
    const out: Record<string, boolean> = {};
    for (const id of plan.claims) {
      if (typeof holds[id] !== 'boolean') throw new CliError(`merge: item ${k} has no verdict for ${id}`);
      out[id] = holds[id] as boolean;
    }
    return { i: k, holds: out };
  });
}

const pct = (x: number) => (Number.isNaN(x) ? '' : `${(100 * x).toFixed(0)}%`);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${fixed(x, 2)}`;

/** A map's output, from its result alone (merge prints the same through here). */
export function claimsMapText(v: Values, r: ClaimsMapResult, fmt: string): CommandOutput {
  if (fmt === 'json') return { text: json(v, r), out: out(v) };
  if (fmt === 'csv') {
    const lines = [
      csvComment({
        'strategic-triangle claims-map': 'share of a Latin hypercube over the free parameters where each claim holds',
        samples: r.samples,
        seeds: r.seeds,
        'design-seed': r.designSeed,
        spread: r.spread,
        fixed: r.fixed.join(' '),
      }),
      csvRow([
        'claim',
        'definitional',
        'points',
        'holds',
        'share',
        'parameter',
        'r',
        'share_low_half',
        'share_high_half',
      ]),
    ];
    for (const c of r.claims) {
      const head = [c.id, c.definitional ? 1 : 0, c.points, c.holds, c.share];
      if (c.parameters.length === 0) lines.push(csvRow([...head, '', '', '', '']));
      for (const p of c.parameters) lines.push(csvRow([...head, p.name, p.r, p.shareLow, p.shareHigh]));
    }
    return { text: `${lines.join('\n')}\n`, out: out(v) };
  }
  const title = [
    `Claims map: ${r.samples} points of a Latin hypercube (design seed ${r.designSeed}) over ${r.inputs.length} free parameters,`,
    `each within ±${100 * r.spread}% of its default (clipped to its range), all presets at once; ${r.seeds} seeds per condition.`,
    'deciding: point-biserial r of "holds" with the parameter\'s position in its range, and the share holding with it',
    `in the lower / upper half; * where |r| >= 2/sqrt(${r.samples}) = ${fixed(2 / Math.sqrt(r.samples), 2)}.`,
  ];
  const body = mapTable(
    ['claim', 'holds', 'share', 'deciding parameters (strongest three)'],
    r.claims.map((c) => [
      `${c.id}${c.definitional ? ' (definitional)' : ''}`,
      `${c.holds}/${c.points}`,
      pct(c.share),
      c.parameters.length === 0
        ? c.holds === c.points
          ? 'holds at every point'
          : 'holds at no point'
        : c.parameters
            .slice(0, 3)
            .map((p) => `${p.name} ${signed(p.r)}${p.marked ? '*' : ''} (${pct(p.shareLow)} / ${pct(p.shareHigh)})`)
            .join(', '),
    ]),
  );
  const note = r.fixed.length > 0 ? `\nnot varied (a default of 0): ${r.fixed.join(', ')}\n` : '';
  return { text: `${title.join('\n')}\n\n${body}\n${note}`, out: out(v) };
}

/** format.table's layout, but the last column (words) aligned left. */
function mapTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const last = header.length - 1;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 || c === last ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
