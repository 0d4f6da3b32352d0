// The expression language's checked syntax tree and its evaluator, without the parser. expr.ts parses
// a text with mathjs and turns the tree into these plain nodes; a worker that receives a scenario as
// data compiles the same nodes here, so it evaluates exactly what the main thread does without
// loading mathjs. The evaluator re-checks every node against the whitelist: data from anywhere is
// compiled only if it is a tree the parser could have produced.
import { dexp, dlog, dpow } from '../model/dmath';
import { LEVER_NAMES } from '../model/levers';
import { INDICATOR_NAMES } from '../model/spec';

export type ExprNode =
  | { k: 'num'; v: number }
  | { k: 'name'; name: string }
  | { k: 'op'; op: string; args: ExprNode[] }
  | { k: 'if'; c: ExprNode; a: ExprNode; b: ExprNode }
  | { k: 'fn'; name: string; args: ExprNode[] };

export type Env = Readonly<Record<string, number>>;
export type CompiledExpr = (env: Env) => number;
export type CompiledCondition = (env: Env) => boolean;

/** Names every expression may read; an extra indicator may also read the indicators listed before it. */
export const EXPR_BASE_NAMES: readonly string[] = [...INDICATOR_NAMES, ...LEVER_NAMES, 't', 'year'];
export const EXPR_FUNCTIONS = ['abs', 'exp', 'log', 'max', 'min', 'sqrt'] as const;
/** Longest expression, in characters. */
export const EXPR_CHARS_MAX = 500;
/** Deepest nesting of operators, calls and conditionals (the parser refuses deeper; so does the evaluator). */
export const EXPR_DEPTH_MAX = 64;

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

export const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
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
export const UNARY: Readonly<Record<string, (a: number) => number>> = {
  '-': (a) => -a,
  '+': (a) => a,
  not: (a) => Number(!truth(a)),
};

export function isFunctionName(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name);
}

/** The tree a compiled expression came from, kept on the function so it can travel as data. */
const AST = Symbol.for('strategic-triangle/expr-ast');
type Tagged<F> = F & { [AST]?: ExprNode };

export function astOf(f: CompiledExpr | CompiledCondition): ExprNode | undefined {
  return (f as Tagged<typeof f>)[AST];
}

function node(n: ExprNode, known: ReadonlySet<string> | null, depth = 0): CompiledExpr {
  const bad = (what: string): never => {
    throw new Error(`expression tree: ${what}`);
  };
  if (depth > EXPR_DEPTH_MAX) bad(`nested more than ${EXPR_DEPTH_MAX} levels deep`);
  switch (n?.k) {
    case 'num': {
      const v = n.v;
      if (typeof v !== 'number') bad('a constant is not a number');
      return () => v;
    }
    case 'name': {
      const name = n.name;
      if (typeof name !== 'string' || (known && !known.has(name))) bad(`unknown name "${String(name)}"`);
      return (env) => env[name] ?? 0;
    }
    case 'if': {
      const c = node(n.c, known, depth + 1);
      const a = node(n.a, known, depth + 1);
      const b = node(n.b, known, depth + 1);
      return (env) => (truth(c(env)) ? a(env) : b(env));
    }
    case 'op': {
      const args = Array.isArray(n.args)
        ? n.args.map((x) => node(x, known, depth + 1))
        : bad('an operator without arguments');
      if (args.length === 1 && Object.hasOwn(UNARY, n.op)) {
        const f = UNARY[n.op];
        const a = args[0];
        return (env) => f(a(env));
      }
      if (args.length === 2 && Object.hasOwn(BINARY, n.op)) {
        const f = BINARY[n.op];
        const [a, b] = args;
        return (env) => f(a(env), b(env));
      }
      return bad(`operator ${String(n.op)} is not allowed`);
    }
    case 'fn': {
      if (!isFunctionName(n.name)) bad(`function ${String(n.name)} is not allowed`);
      const f = FUNCTIONS[n.name];
      const args = Array.isArray(n.args) ? n.args.map((x) => node(x, known, depth + 1)) : [];
      if (args.length === 0) bad(`${n.name} needs an argument`);
      return (env) => f(args.map((a) => a(env)));
    }
    default:
      return bad('unknown node');
  }
}

/**
 * Compile a checked tree. `names`, when given, is the set of names it may read. The value is a number,
 * or NaN for anything not finite, as the language promises.
 */
export function compileAst(ast: ExprNode, names?: readonly string[] | ReadonlySet<string>): CompiledExpr {
  const f = node(ast, names ? (names instanceof Set ? names : new Set(names)) : null);
  const out: Tagged<CompiledExpr> = (env) => {
    const v = f(env);
    return Number.isFinite(v) ? v : Number.NaN;
  };
  out[AST] = ast;
  return out;
}

/** An event condition: it holds on any non-zero value, like the language's own logic. */
export function asCondition(f: CompiledExpr): CompiledCondition {
  const out: Tagged<CompiledCondition> = (env) => {
    const v = f(env);
    return v !== 0 && !Number.isNaN(v);
  };
  out[AST] = astOf(f);
  return out;
}
