// The sandboxed expression language of event conditions and extra indicators (MODEL.md 10).
// mathjs is used only as a parser, built from its number-only parse factory (no import, evaluate,
// createUnit or any function that reaches outside: what is not in the instance cannot be called, as
// its security guide advises). The parsed tree is checked against a whitelist — numbers, known names,
// arithmetic, comparison, logic, ?: and a few functions — turned into plain nodes (exprAst.ts) and
// evaluated by our own small closure compiler, with the model's deterministic exp/log/pow so a
// condition fires identically in every engine.
import { create, parseDependencies } from 'mathjs/number';
import {
  BINARY,
  type CompiledExpr,
  compileAst,
  EXPR_CHARS_MAX,
  EXPR_DEPTH_MAX,
  EXPR_FUNCTIONS,
  type ExprNode,
  isFunctionName,
  UNARY,
} from './exprAst';

export { type CompiledExpr, EXPR_CHARS_MAX, EXPR_DEPTH_MAX, EXPR_FUNCTIONS } from './exprAst';

const math = create({ parseDependencies });

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

/**
 * mathjs's tree to our plain nodes, refusing (with a message naming it) anything off the whitelist;
 * `depth` counts operators, calls and conditionals above n (parentheses do not count).
 */
function toAst(n: MathNode, text: string, known: ReadonlySet<string>, depth = 0): ExprNode {
  const fail = (what: string): never => {
    throw new Error(`"${text}": ${what}`);
  };
  if (depth > EXPR_DEPTH_MAX) fail(`nested more than ${EXPR_DEPTH_MAX} levels deep`);
  const sub = (x: MathNode | undefined) => toAst(x as MathNode, text, known, depth + 1);
  switch (n.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number') fail('only numbers are allowed as constants');
      return { k: 'num', v: n.value as number };
    case 'SymbolNode': {
      const name = n.name ?? '';
      if (!known.has(name)) fail(`unknown name "${name}"`);
      return { k: 'name', name };
    }
    case 'ParenthesisNode':
      return toAst(n.content as MathNode, text, known, depth);
    case 'ConditionalNode':
      return { k: 'if', c: sub(n.condition), a: sub(n.trueExpr), b: sub(n.falseExpr) };
    case 'OperatorNode': {
      const op = n.op ?? '';
      const args = (n.args ?? []).map(sub);
      if ((args.length === 1 && Object.hasOwn(UNARY, op)) || (args.length === 2 && Object.hasOwn(BINARY, op))) {
        return { k: 'op', op, args };
      }
      return fail(`operator ${op} is not allowed`);
    }
    case 'FunctionNode': {
      const fn = n.fn as MathNode | undefined;
      const fname = fn?.type === 'SymbolNode' ? (fn.name ?? '') : '';
      if (!isFunctionName(fname)) {
        fail(`function ${fname || '(computed)'} is not allowed (use ${EXPR_FUNCTIONS.join(', ')})`);
      }
      const args = (n.args ?? []).map(sub);
      if (args.length === 0) fail(`${fname} needs an argument`);
      return { k: 'fn', name: fname, args };
    }
    default:
      return fail(`${n.type.replace('Node', '').toLowerCase()} is not allowed`);
  }
}

/** Parse and check an expression into its plain tree (what a worker receives instead of the text). */
export function parseExpr(text: string, names: readonly string[] | ReadonlySet<string>): ExprNode {
  if (text.length > EXPR_CHARS_MAX) throw new Error(`expression is longer than ${EXPR_CHARS_MAX} characters`);
  let node: MathNode;
  try {
    node = math.parse(text) as unknown as MathNode;
  } catch (e) {
    throw new Error(`cannot parse "${text}": ${(e as Error).message}`);
  }
  return toAst(node, text, names instanceof Set ? names : new Set(names));
}

/**
 * Parse and check an expression over the given names. Throws an Error whose message names the
 * problem (unknown name, forbidden construct, syntax error, too long or too deep); nothing is
 * evaluated while checking.
 */
export function compileExpr(text: string, names: readonly string[] | ReadonlySet<string>): CompiledExpr {
  return compileAst(parseExpr(text, names), names);
}
