// The sandboxed expression language of event conditions and extra indicators (MODEL.md 10).
// mathjs's parser, built from a handful of number-only factories (no import, evaluate, createUnit,
// parse or any function that reaches outside), and every parsed tree is walked against a whitelist
// before it is compiled: only numbers, known names, arithmetic, comparison, logic, ?: and a few
// math functions. That follows mathjs's security guide: what is not in the instance cannot be called.
import {
  absDependencies,
  addDependencies,
  andDependencies,
  compileDependencies,
  create,
  divideDependencies,
  equalDependencies,
  expDependencies,
  largerDependencies,
  largerEqDependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
} from 'mathjs/number';

const math = create({
  absDependencies,
  addDependencies,
  andDependencies,
  compileDependencies,
  divideDependencies,
  equalDependencies,
  expDependencies,
  largerDependencies,
  largerEqDependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
});

export const EXPR_FUNCTIONS = ['abs', 'exp', 'log', 'max', 'min', 'sqrt'] as const;
const FUNCTIONS = new Set<string>(EXPR_FUNCTIONS);
const OPERATORS = new Set(['+', '-', '*', '/', '^', '%', 'mod', '<', '>', '<=', '>=', '==', '!=', 'and', 'or', 'not']);
const NODE_TYPES = new Set([
  'ConstantNode',
  'SymbolNode',
  'OperatorNode',
  'ParenthesisNode',
  'FunctionNode',
  'ConditionalNode',
]);

export type CompiledExpr = (env: Readonly<Record<string, number>>) => number;

interface MathNode {
  type: string;
  name?: string;
  op?: string;
  value?: unknown;
  fn?: { name?: string };
  traverse(cb: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: Record<string, number>): unknown };
}

/**
 * Parse and check an expression over the given names. Throws an Error whose message names the
 * problem (unknown name, forbidden construct, syntax error), never runs anything while checking.
 */
export function compileExpr(text: string, names: readonly string[]): CompiledExpr {
  if (text.length > 500) throw new Error('expression is longer than 500 characters');
  let node: MathNode;
  try {
    node = math.parse(text) as unknown as MathNode;
  } catch (e) {
    throw new Error(`cannot parse "${text}": ${(e as Error).message}`);
  }
  const known = new Set(names);
  node.traverse((n, _path, parent) => {
    if (!NODE_TYPES.has(n.type)) throw new Error(`"${text}": ${n.type.replace('Node', '').toLowerCase()} is not allowed`);
    if (n.type === 'ConstantNode' && typeof n.value !== 'number') throw new Error(`"${text}": only numbers are allowed as constants`);
    if (n.type === 'OperatorNode' && !OPERATORS.has(n.op ?? '')) throw new Error(`"${text}": operator ${n.op} is not allowed`);
    if (n.type === 'FunctionNode') {
      const fname = n.fn?.name ?? '';
      if (!FUNCTIONS.has(fname)) throw new Error(`"${text}": function ${fname || '(computed)'} is not allowed (use ${EXPR_FUNCTIONS.join(', ')})`);
    }
    if (n.type === 'SymbolNode') {
      const isCallee = parent?.type === 'FunctionNode' && parent.fn === (n as unknown);
      if (!isCallee && !known.has(n.name ?? '')) throw new Error(`"${text}": unknown name "${n.name}"`);
    }
  });
  const code = node.compile();
  return (env) => {
    const scope: Record<string, number> = {};
    for (const k of names) scope[k] = env[k] ?? 0;
    const v = code.evaluate(scope);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
  };
}
