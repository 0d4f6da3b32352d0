// Fuzzing (issue 9), seeded and bounded so that it runs on every CI: the loader gets arbitrary JSON
// values, arbitrary text and bytes, and mutations of every preset; the expression sandbox gets
// generated expressions and a list of hostile ones. Every result is a valid scenario (which then runs)
// or the loader's own error, listed briefly on one line each; never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioBytes } from '../../src/scenario/decode';
import { compileExpr, EXPR_FUNCTIONS } from '../../src/scenario/expr';
import { EXPR_BASE_NAMES, type LoadResult, loadScenario, parseScenarioText } from '../../src/scenario/load';
import { PROBLEM_CHARS_MAX, PROBLEMS_LISTED } from '../../src/scenario/messages';
import { PRESET_IDS, PRESETS } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';
import { CONTROL } from '../unit/harness';

/** Counts of cases per surface, printed at the end (the note reports them). */
const counts: Record<string, number> = {};
const count = (surface: string) => {
  counts[surface] = (counts[surface] ?? 0) + 1;
};

/** A loader result is a scenario that runs, or its own short list of one-line problems. */
function checkResult(r: LoadResult, surface: string): void {
  count(surface);
  if (r.ok) {
    count(`${surface} (valid)`);
    const run = new Run(r.spec, { record: false });
    run.runTo(2);
    for (const v of Object.values(run.indicatorsAt())) expect(typeof v).toBe('number');
    return;
  }
  expect(Array.isArray(r.errors)).toBe(true);
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(PROBLEMS_LISTED + 1);
  expect(r.total).toBeGreaterThanOrEqual(Math.min(r.errors.length, PROBLEMS_LISTED));
  for (const m of r.errors) {
    expect(typeof m).toBe('string');
    expect(m.length).toBeLessThanOrEqual(PROBLEM_CHARS_MAX);
    expect(m).not.toMatch(CONTROL);
  }
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\nb',
  '\u001b[2J\u001b[31mred',
  '\u202eevil',
  '\ud800',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '2022Q5',
  '9999Q4',
  '0000Q1',
  'US-US',
  'CN-XX',
  '#zzzzzz',
  'NaN',
  'Infinity',
  '1e999',
  'x'.repeat(5000),
  '😀'.repeat(100),
];
const EXTREME_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  7,
  10,
  40,
  400,
  401,
  1e-9,
  5e-324,
  1e-300,
  1e5,
  1e6,
  1e9,
  1e15,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  4294967295,
  4294967296,
  0.1 + 0.2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

type Path = (string | number)[];

function pathsOf(x: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(x)) for (let k = 0; k < x.length; k++) pathsOf(x[k], [...prefix, k], out);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) pathsOf(v, [...prefix, k], out);
  return out;
}

type Mutation = {
  at: number;
  op: 'replace' | 'delete' | 'insert' | 'duplicate' | 'number' | 'string' | 'nudge';
  json: unknown;
  num: number;
  str: string;
  key: string;
  factor: number;
};

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'insert', 'duplicate', 'number', 'string', 'nudge'),
  json: fc.jsonValue({ maxDepth: 2 }),
  num: fc.oneof(fc.constantFrom(...EXTREME_NUMBERS), fc.double()),
  str: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 })),
  key: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS, 'extra', 'id', 'CN', 'war'), fc.string({ maxLength: 12 })),
  factor: fc.constantFrom(-1, 0, 0.5, 0.999999, 1.000001, 1.5, 10, 1e6),
});

/** Set an own property (so "__proto__" is a key, as JSON.parse makes it, not the prototype). */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function mutate(root: unknown, m: Mutation): unknown {
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length];
  if (path.length === 0) return m.op === 'replace' ? m.json : root;
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k as string], root) as
    | Record<string, unknown>
    | unknown[];
  const k = path[path.length - 1];
  const old = (parent as Record<string, unknown>)[k as string];
  const set = (v: unknown) => {
    if (Array.isArray(parent)) parent[k as number] = v;
    else put(parent, k as string, v);
  };
  switch (m.op) {
    case 'replace':
      set(m.json);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(k as number, 1);
      else delete parent[k as string];
      break;
    case 'insert':
      if (old && typeof old === 'object' && !Array.isArray(old)) put(old as Record<string, unknown>, m.key, m.json);
      else if (Array.isArray(old)) old.push(m.json);
      else put(Array.isArray(parent) ? {} : parent, m.key, m.json);
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(old));
      else set(structuredClone(parent));
      break;
    case 'number':
      set(m.num);
      break;
    case 'string':
      set(m.str);
      break;
    case 'nudge':
      if (typeof old === 'number') set(old * m.factor + (m.factor === 0 ? m.num : 0));
      else set(m.num);
      break;
  }
  return root;
}

describe('the loader never throws, never lists much, never lets a bad value through', () => {
  it('2,000 arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        checkResult(loadScenario(json), 'loader: JSON values');
      }),
      { numRuns: 2000, seed: 901 },
    );
  });

  it('2,000 arbitrary texts and 1,000 arbitrary byte strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        checkResult(parseScenarioText(text), 'loader: texts');
      }),
      { numRuns: 2000, seed: 902 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        checkResult(parseScenarioBytes(bytes), 'loader: bytes');
      }),
      { numRuns: 1000, seed: 903 },
    );
  });

  it.each(PRESET_IDS)('2,000 mutations of %s (a quarter also as JSON text)', (id) => {
    const preset = PRESETS[id];
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (ms) => {
        let x: unknown = structuredClone(preset);
        for (const m of ms) x = mutate(x, m);
        checkResult(loadScenario(x), 'loader: preset mutations');
        // One in four also as a file's text (NaN and Infinity become null, "__proto__" a plain key).
        const text = ms[0].at % 4 === 0 ? JSON.stringify(x) : undefined;
        if (text !== undefined) checkResult(parseScenarioText(text), 'loader: preset mutations as text');
      }),
      { numRuns: 2000, seed: 904 + PRESET_IDS.indexOf(id) },
    );
  });

  // Every number of a preset, set to any double (fast-check favours the extremes): refused by the
  // schema, or a scenario whose run stays finite, utilities included (1e308 trade once made one NaN).
  it('1,000 presets with one number set to any double', () => {
    const numeric = PRESET_IDS.flatMap((id) =>
      pathsOf(PRESETS[id])
        .filter(
          (p) =>
            typeof p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k as string], PRESETS[id]) === 'number',
        )
        .map((p) => [id, p] as const),
    );
    fc.assert(
      fc.property(fc.nat(), fc.double(), (k, value) => {
        const [id, path] = numeric[k % numeric.length];
        const x = structuredClone(PRESETS[id]) as Record<string, unknown>;
        const parent = path.slice(0, -1).reduce<unknown>((o, key) => (o as Record<string, unknown>)[key as string], x);
        (parent as Record<string, unknown>)[path[path.length - 1] as string] = value;
        const r = loadScenario(x);
        checkResult(r, 'loader: one number set to any double');
        if (r.ok) {
          const run = new Run(r.spec, { record: false });
          run.runTo(2);
          for (const u of Object.values(run.recordAt(2).utility)) expect(Number.isFinite(u.total)).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 910 },
    );
  });
});

// ---------- the expression sandbox ----------

const NAMES = [...EXPR_BASE_NAMES];
const exprArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES, 'x', 'pi', 'e', 'i', 'Infinity', 'NaN', 'true', 'null'),
    fc.oneof(fc.double({ noNaN: true }), fc.integer()).map((v) => String(v)),
    fc
      .tuple(
        tie('e'),
        fc.constantFrom(
          '+',
          '-',
          '*',
          '/',
          '^',
          '%',
          ' mod ',
          '<',
          '>',
          '<=',
          '>=',
          '==',
          '!=',
          ' and ',
          ' or ',
          ' xor ',
          '&',
          '|',
          '<<',
          '.*',
          '=',
          ':',
        ),
        tie('e'),
      )
      .map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(fc.constantFrom('-', '+', 'not ', '!', '~'), tie('e')).map(([op, a]) => `${op}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc
      .tuple(fc.constantFrom(...EXPR_FUNCTIONS, 'cos', 'import', 'evaluate', 'f'), fc.array(tie('e'), { maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    fc
      .tuple(tie('e'), fc.constantFrom('.constructor', "['constructor']", '[1]', "'", '!', ' cm', '.toString()'))
      .map(([a, s]) => `${a}${s}`),
  ),
})).e;

/** Expressions written to escape or exhaust a sandbox; each must be refused or give a number. */
const HOSTILE_EXPRESSIONS = [
  'import({}, {override: true})',
  'evaluate("1+1")',
  'parse("1")',
  'compile("1")',
  'createUnit("foo")',
  'simplify("x")',
  'derivative("x^2", "x")',
  'resolve(x)',
  'chain(1)',
  'typed("f")',
  'config({})',
  'reviver',
  'x = 1',
  'war = 1',
  'f(x) = x',
  'f(x) = f(x); f(1)',
  'constructor',
  'war.constructor',
  'war["constructor"]',
  'war.constructor("return process")()',
  '__proto__',
  'toString',
  'valueOf()',
  'this',
  'Function("return 1")()',
  'eval("1")',
  'process.exit(1)',
  'require("fs")',
  'globalThis',
  '[1, 2, 3]',
  '{a: 1}',
  '"text"',
  "'text'",
  '1:1e9',
  '1:1e9:2',
  'zeros(1e9)',
  'ones(1e5, 1e5)',
  'range(1, 1e12)',
  'size(war)',
  '5 cm',
  '5 cm to inch',
  "war'",
  '10!',
  '170!',
  '2^1e308',
  '9^9^9^9',
  '(-8)^(1/3)',
  '0/0',
  '1/0',
  '-1/0',
  'log(0)',
  'log(-1)',
  'sqrt(-1)',
  'exp(1000)',
  'exp(-1000)',
  '1e400',
  '-1e400',
  'max()',
  `max(${Array(200).fill('war').join(',')})`,
  `${'('.repeat(240)}1${')'.repeat(240)}`,
  `${'-'.repeat(400)}1`,
  `${'abs('.repeat(100)}1${')'.repeat(100)}`,
  `1${'+1'.repeat(240)}`,
  `${'x ? '.repeat(60)}1${' : 0'.repeat(60)}`,
  'x\n+\n1',
  '\u0000',
  '\u202ewar',
  'war;sanctions',
  'war\\nsanctions',
  'a.b.c',
  '@',
  '#',
  '$war',
  '`war`',
  'war ?? 1',
  'war?.x',
  'new Date()',
  'x => x',
  'function(){}',
  '1 +',
  '',
  ' ',
  'x'.repeat(501),
] as const;

describe('the expression sandbox refuses or computes, and nothing else', () => {
  const envArb = fc.record(
    Object.fromEntries(NAMES.map((n) => [n, fc.double()])) as Record<string, fc.Arbitrary<number>>,
  );

  function checkExpr(text: string, envs: readonly Record<string, number>[], surface: string): void {
    count(surface);
    let f: ((env: Readonly<Record<string, number>>) => number) | null = null;
    try {
      f = compileExpr(text, [...NAMES, 'x']);
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect(typeof (e as Error).message).toBe('string');
      count(`${surface} (refused)`);
      return;
    }
    count(`${surface} (compiled)`);
    for (const env of envs) {
      const v = f({ ...env, x: env.war });
      expect(typeof v).toBe('number');
      expect(Number.isFinite(v) || Number.isNaN(v)).toBe(true);
    }
  }

  it('2,000 generated expressions, each evaluated on 3 environments', () => {
    fc.assert(
      fc.property(exprArb, fc.array(envArb, { minLength: 3, maxLength: 3 }), (text, envs) => {
        checkExpr(text, envs, 'sandbox: generated');
      }),
      { numRuns: 2000, seed: 911 },
    );
  });

  it('1,000 arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), envArb, (text, env) => {
        checkExpr(text, [env], 'sandbox: strings');
      }),
      { numRuns: 1000, seed: 912 },
    );
  });

  it.each(HOSTILE_EXPRESSIONS.map((x) => [JSON.stringify(x).slice(0, 50), x]))('hostile: %s', (_shown, text) => {
    const env = Object.fromEntries(NAMES.map((n) => [n, 0.5]));
    checkExpr(text, [env], 'sandbox: hostile');
    // Nothing reaches outside: the global object and the prototypes are as they were.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('prints the counts', () => {
    console.log(`fuzz cases: ${JSON.stringify(counts)}`);
  });
});
