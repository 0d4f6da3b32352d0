// The sandboxed expression language of event conditions and extra indicators (MODEL.md 10).
// mathjs is used only as a parser, built from its number-only parse factory (no import, evaluate,
// createUnit or any function that reaches outside: what is not in the instance cannot be called, as
// its security guide advises). The parsed tree is checked against a whitelist — numbers, known names,
// arithmetic, comparison, logic, ?: and a few functions — and evaluated by our own small closure
// compiler, with the model's deterministic exp/log/pow so a condition fires identically in every engine.
import { create, parseDependencies } from 'mathjs/number';
import { dexp, dlog, dpow } from '../model/dmath';

const math = create({ parseDependencies });

/** Longest expression, in characters, and deepest nesting of its parsed tree. */
export const EXPR_CHARS_MAX = 500;
export const EXPR_DEPTH_MAX = 64;

export const EXPR_FUNCTIONS = ['abs', 'exp', 'log', 'max', 'min', 'sqrt'] as const;

type Fn = (args: number[]) => number;
const FUNCTIONS: Readonly<Record<string, Fn>> = {
  abs: (a) => Math.abs(a[0]),
  exp: (a) => dexp(a[0]),
  log: (a) => dlog(a[0]),
  max: (a) => Math.max(...a),
  min: (a) => Math.min(...a),
  sqrt: (a) => Math.sqrt(a[0]),
};

const truth = (x: number) => x !== 0 && !Number.isNaN(x);

/** x^y: exact repeated multiplication for small integer powers, the deterministic pow otherwise. */
function power(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let r = 1;
    for (let k = 0; k < Math.abs(y); k++) r *= x;
    return y < 0 ? 1 / r : r;
  }
  return x > 0 ? dpow(x, y) : x === 0 ? 0 : Number.NaN;
}

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': power,
  '%': (a, b) => a - b * Math.floor(a / b),
  mod: (a, b) => a - b * Math.floor(a / b),
  '<': (a, b) => Number(a < b),
  '>': (a, b) => Number(a > b),
  '<=': (a, b) => Number(a <= b),
  '>=': (a, b) => Number(a >= b),
  '==': (a, b) => Number(a === b),
  '!=': (a, b) => Number(a !== b),
  and: (a, b) => Number(truth(a) && truth(b)),
  or: (a, b) => Number(truth(a) || truth(b)),
};
const UNARY: Readonly<Record<string, (a: number) => number>> = {
  '-': (a) => -a,
  '+': (a) => a,
  not: (a) => Number(!truth(a)),
};

export type CompiledExpr = (env: Readonly<Record<string, number>>) => number;
type Eval = (env: Readonly<Record<string, number>>) => number;

interface MathNode {
  type: string;
  name?: string;
  op?: string;
  fn?: MathNode | { name?: string };
  value?: unknown;
  args?: MathNode[];
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
}

/** Compile node n at `depth` operators, calls or conditionals below the root (parentheses do not count). */
function compileNode(n: MathNode, text: string, known: ReadonlySet<string>, depth = 0): Eval {
  const fail = (what: string): never => {
    throw new Error(`"${text}": ${what}`);
  };
  if (depth > EXPR_DEPTH_MAX) fail(`nested more than ${EXPR_DEPTH_MAX} levels deep`);
  const sub = (x: MathNode | undefined) => compileNode(x as MathNode, text, known, depth + 1);
  switch (n.type) {
    case 'ConstantNode': {
      if (typeof n.value !== 'number') fail('only numbers are allowed as constants');
      const v = n.value as number;
      return () => v;
    }
    case 'SymbolNode': {
      const name = n.name ?? '';
      if (!known.has(name)) fail(`unknown name "${name}"`);
      return (env) => env[name] ?? 0;
    }
    case 'ParenthesisNode':
      return compileNode(n.content as MathNode, text, known, depth);
    case 'ConditionalNode': {
      const c = sub(n.condition);
      const a = sub(n.trueExpr);
      const b = sub(n.falseExpr);
      return (env) => (truth(c(env)) ? a(env) : b(env));
    }
    case 'OperatorNode': {
      const op = n.op ?? '';
      const args = (n.args ?? []).map(sub);
      if (args.length === 1 && op in UNARY) {
        const f = UNARY[op];
        const a = args[0];
        return (env) => f(a(env));
      }
      if (args.length === 2 && op in BINARY) {
        const f = BINARY[op];
        const [a, b] = args;
        return (env) => f(a(env), b(env));
      }
      return fail(`operator ${op} is not allowed`);
    }
    case 'FunctionNode': {
      const fn = n.fn as MathNode | undefined;
      const fname = fn?.type === 'SymbolNode' ? (fn.name ?? '') : '';
      if (!Object.hasOwn(FUNCTIONS, fname)) {
        fail(`function ${fname || '(computed)'} is not allowed (use ${EXPR_FUNCTIONS.join(', ')})`);
      }
      const f = FUNCTIONS[fname];
      const args = (n.args ?? []).map(sub);
      if (args.length === 0) fail(`${fname} needs an argument`);
      return (env) => f(args.map((a) => a(env)));
    }
    default:
      return fail(`${n.type.replace('Node', '').toLowerCase()} is not allowed`);
  }
}

/**
 * Parse and check an expression over the given names. Throws an Error whose message names the
 * problem (unknown name, forbidden construct, syntax error); nothing is evaluated while checking.
 */
export function compileExpr(text: string, names: readonly string[] | ReadonlySet<string>): CompiledExpr {
  if (text.length > EXPR_CHARS_MAX) throw new Error(`expression is longer than ${EXPR_CHARS_MAX} characters`);
  let node: MathNode;
  try {
    node = math.parse(text) as unknown as MathNode;
  } catch (e) {
    throw new Error(`cannot parse "${text}": ${(e as Error).message}`);
  }
  const f = compileNode(node, text, names instanceof Set ? names : new Set(names));
  return (env) => {
    const v = f(env);
    return Number.isFinite(v) ? v : Number.NaN;
  };
}
