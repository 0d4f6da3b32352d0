// A validated ModelSpec as plain data: what a worker receives (postMessage), what the CLI bundle keeps
// of its presets, what a shard file could carry. The compiled conditions and indicators become their
// checked expression trees, recompiled on arrival by the mathjs-free evaluator, so a worker needs
// neither zod nor mathjs. Round trip: fromPlainSpec(toPlainSpec(spec)) runs byte-identically to spec.
import type { EventSpec, ExtraIndicatorSpec, ModelSpec } from '../model/spec';
import { asCondition, astOf, compileAst, EXPR_BASE_NAMES, type ExprNode } from '../scenario/exprAst';

export interface PlainEvent extends Omit<EventSpec, 'when'> {
  when?: ExprNode;
}

export interface PlainIndicator extends Omit<ExtraIndicatorSpec, 'evaluate'> {
  ast: ExprNode;
}

/** JSON-safe: typed arrays as number arrays (doubles survive JSON exactly). */
export interface PlainSpec extends Omit<ModelSpec, 'events' | 'indicators' | 'ties' | 'trade'> {
  ties: number[];
  trade: number[];
  events: PlainEvent[];
  indicators: PlainIndicator[];
}

export function toPlainSpec(spec: ModelSpec): PlainSpec {
  return {
    ...spec,
    ties: Array.from(spec.ties),
    trade: Array.from(spec.trade),
    events: spec.events.map((e, k) => {
      const { when, ...rest } = e;
      if (!when) return rest;
      const ast = astOf(when);
      if (!ast) throw new Error(`event ${k} (${e.label}): its condition was not compiled from an expression`);
      return { ...rest, when: ast };
    }),
    indicators: spec.indicators.map((x) => {
      const { evaluate, ...rest } = x;
      const ast = astOf(evaluate);
      if (!ast) throw new Error(`indicator ${x.name}: it was not compiled from an expression`);
      return { ...rest, ast };
    }),
  };
}

export function fromPlainSpec(p: PlainSpec): ModelSpec {
  const names = [...EXPR_BASE_NAMES];
  const indicators: ExtraIndicatorSpec[] = p.indicators.map((x) => {
    const { ast, ...rest } = x;
    const evaluate = compileAst(ast, names);
    names.push(x.name);
    return { ...rest, evaluate };
  });
  const events: EventSpec[] = p.events.map((e) => {
    const { when, ...rest } = e;
    return when ? { ...rest, when: asCondition(compileAst(when, EXPR_BASE_NAMES)) } : rest;
  });
  const n = p.actors.length;
  if (p.ties.length !== n * n || p.trade.length !== n * n) {
    throw new Error(`plain spec ${p.id}: ties and trade must be ${n}x${n}`);
  }
  return {
    ...p,
    ties: Float64Array.from(p.ties),
    trade: Float64Array.from(p.trade),
    events,
    indicators,
  };
}
