// The app's logic, in Node, without a browser: links, the reducer (undo, redo, Back, drags, later
// changes kept), runs derived with prefix reuse, jobs whose stale results never win, storage that
// refuses, the words of cause and effect, the charts' fixed ranges, the table, the exported files.
import { describe, expect, it } from 'vitest';
import { chartGroups, chartRange, chartsModel } from '../../src/app/charts';
import { computeFull, RunCache } from '../../src/app/derive';
import { type Doc, type LeverEdit, type ParseContext, parse, serialize } from '../../src/app/doc';
import { connectJobs, type JobSpec } from '../../src/app/effects';
import { retraces, runCsv, scenarioJson } from '../../src/app/files';
import { fmtDelta } from '../../src/app/format';
import { overrides, scheduled, whatChanged } from '../../src/app/insight';
import type { Intent } from '../../src/app/intents';
import { EMPTY_SLOT, type JobMessage, jobProgress, jobResult, requestJob } from '../../src/app/jobs';
import { EMPTY_LIBRARY, fingerprint, type Library, resolve } from '../../src/app/library';
import { capDetails } from '../../src/app/messages';
import { connectPersistence, type KeyValue, PREFIX, restore, saveImports } from '../../src/app/persist';
import { reduce } from '../../src/app/reducer';
import { reproduce } from '../../src/app/reproduce';
import { frame } from '../../src/app/select';
import { type AppState, HISTORY_MAX, initialState } from '../../src/app/state';
import { Store } from '../../src/app/store';
import { buildTable } from '../../src/app/table';
import { makeTimeline } from '../../src/app/timeline';
import { OBSERVED } from '../../src/data/record';
import { type LoadResult, loadScenario } from '../../src/scenario/load';
import { loadPreset } from '../../src/scenario/presets';
import { runCsv as cliCsv } from '../../src/sim/csv';

function preset(id: string): LoadResult & { ok: true } {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

function start(query = '?scenario=post-ukraine&seed=1&t=0', library: Library = EMPTY_LIBRARY): AppState {
  return initialState({ query, saved: null, library, theme: 'auto' }, true);
}

function run(s: AppState, ...intents: Intent[]): AppState {
  return intents.reduce(reduce, s);
}

const lever = (name: LeverEdit['name'], value: number, final = true): Intent => ({
  type: 'setLever',
  name,
  value,
  final,
});

describe('links', () => {
  const ctx: ParseContext = {
    known: ['post-ukraine', 'no-war-2022', 'pre-2022'],
    defaultScenario: 'post-ukraine',
    defaultSeed: () => 1,
    horizon: () => 10,
    steps: () => 30,
    counterpart: (id) => (id === 'post-ukraine' ? 'no-war-2022' : 'post-ukraine'),
    actors: () => ['US', 'CN', 'RU'],
  };

  it('a scenario compared with itself falls back to its counterpart, with a message', () => {
    const p = parse('?scenario=post-ukraine&compare=post-ukraine', ctx);
    expect(p.doc.compare).toBe('no-war-2022');
    expect(p.problems.join(' ')).toMatch(/itself/);
  });

  it('the step is clamped to the timeline, lever changes only to the scenario own length', () => {
    const p = parse('?scenario=pre-2022&t=20&set=war:0.5@25&compare=post-ukraine', ctx);
    expect(p.doc.t).toBe(10);
    expect(p.problems.join(' ')).toMatch(/past the end of the timeline/);
    expect(p.doc.edits).toEqual([{ t: 25, name: 'war', value: 0.5 }]);
  });

  it('weights up to 10 are accepted, above are not; an unknown tab is named', () => {
    expect(parse('?w=RU.autonomy:10', ctx).doc.weights).toEqual({ RU: { autonomy: 10 } });
    expect(parse('?w=RU.autonomy:10.5', ctx).problems.join(' ')).toMatch(/0\.\.10/);
    const t = parse('?tab=map', ctx);
    expect(t.tab).toBe('chart');
    expect(t.problems.join(' ')).toMatch(/Unknown tab "map"/);
    expect(parse('?tab=table', ctx).tab).toBe('table');
  });

  it('serialises back to the same document, exactly (values as the shortest exact decimal)', () => {
    const doc: Doc = {
      scenario: 'pre-2022',
      file: null,
      seed: 4294967295,
      t: 7,
      edits: [{ t: 3, name: 'war', value: 0.1 + 0.2 }],
      weights: { RU: { autonomy: 2.5 } },
      compare: 'post-ukraine',
    };
    const p = parse(serialize(doc, 'sources'), ctx);
    expect(p.problems).toEqual([]);
    expect(p.doc).toEqual(doc);
    expect(p.tab).toBe('sources');
  });

  it('an imported scenario is named by its version: a link to another version says so instead of showing it', () => {
    const withImport: ParseContext = {
      ...ctx,
      known: [...ctx.known, 'mine'],
      imported: (id) => (id === 'mine' ? { latest: 'aaaa', has: (fp) => fp === 'aaaa' } : null),
    };
    expect(parse('?scenario=mine', withImport).doc.file).toBe('aaaa');
    const other = parse('?scenario=mine&file=bbbb', withImport);
    expect(other.doc.scenario).toBe('post-ukraine');
    expect(other.problems.join(' ')).toMatch(/version of the imported scenario "mine".*bbbb/);
  });
});

describe('the reducer: no lost work', () => {
  it('a drag makes one history entry; undo and redo step over it', () => {
    let s = start();
    s = run(s, lever('war', 0.9, false), lever('war', 0.7, false), lever('war', 0.5, false), lever('war', 0.5, true));
    expect(s.history.entries).toHaveLength(2);
    expect(s.doc.edits).toEqual([{ t: 0, name: 'war', value: 0.5 }]);
    s = run(s, lever('sanctions', 0.2));
    expect(s.history.entries).toHaveLength(3);
    s = run(s, { type: 'undo' });
    expect(s.doc.edits).toEqual([{ t: 0, name: 'war', value: 0.5 }]);
    s = run(s, { type: 'undo' });
    expect(s.doc.edits).toEqual([]);
    expect(run(s, { type: 'undo' })).toBe(s);
    s = run(s, { type: 'redo' }, { type: 'redo' });
    expect(s.doc.edits.map((e) => e.name)).toEqual(['war', 'sanctions']);
    expect(s.history.op).toBe('redo');
  });

  it('editing an earlier quarter keeps the later changes, says so, and offers to remove them', () => {
    let s = start('?scenario=post-ukraine&seed=1&t=8');
    s = run(s, lever('sanctions', 0.3));
    s = run(s, { type: 'seek', t: 2 }, lever('war', 0.2));
    expect(s.doc.edits).toEqual([
      { t: 2, name: 'war', value: 0.2 },
      { t: 8, name: 'sanctions', value: 0.3 },
    ]);
    const msg = s.messages.find((m) => m.id === 'later');
    expect(msg?.text).toMatch(/still apply/);
    expect(msg?.details).toEqual(['sanctions 0.30 from 2024Q1']);
    s = run(s, msg!.action!.intent);
    expect(s.doc.edits).toEqual([{ t: 2, name: 'war', value: 0.2 }]);
    // Undo brings them back.
    s = run(s, { type: 'undo' });
    expect(s.doc.edits).toHaveLength(2);
  });

  it('moving in time adds no entry; an entry remembers the quarter it was left at (Back returns there)', () => {
    let s = start();
    s = run(s, { type: 'seek', t: 4 }, lever('war', 0.1), { type: 'seek', t: 9 }, { type: 'seek', t: 11 });
    expect(s.history.entries).toHaveLength(2);
    s = run(s, { type: 'undo' });
    expect(s.doc.t).toBe(4);
    s = run(s, { type: 'redo' });
    expect(s.doc.t).toBe(11);
    // The browser's Back is a goto to the entry's number (entries dropped by the cap are counted).
    s = run(s, { type: 'goto', entry: 0 });
    expect(s.doc.edits).toEqual([]);
    expect(s.history.op).toBe('goto');
  });

  it('the history keeps the last entries and counts the ones it dropped', () => {
    let s = start();
    for (let k = 0; k < HISTORY_MAX + 20; k++) s = run(s, { type: 'newSeed' });
    expect(s.history.entries).toHaveLength(HISTORY_MAX);
    expect(s.history.dropped).toBe(21);
    s = run(s, { type: 'goto', entry: 21 });
    expect(s.history.index).toBe(0);
    expect(s.doc.seed).toBe(22);
  });

  it('a Back to an entry from before a reload is restored from its link', () => {
    const s = run(start(), { type: 'navigate', query: '?scenario=pre-2022&seed=9&t=3&set=war:0.5@1', entry: 7 });
    expect(s.doc).toMatchObject({ scenario: 'pre-2022', seed: 9, t: 3 });
    expect(s.history).toMatchObject({ index: 0, dropped: 7, op: 'navigate' });
  });

  it('a bad seed keeps the old one and says what is wrong; a good one is an undoable change', () => {
    let s = start('?scenario=post-ukraine&seed=5');
    for (const [typed, word] of [
      ['99999999999', 'larger than 4294967295'],
      ['-5', 'negative'],
      ['2.7', 'not a whole number'],
      ['abc', 'not a number'],
      ['', 'empty'],
    ]) {
      s = run(s, { type: 'setSeed', text: typed });
      expect(s.doc.seed).toBe(5);
      expect(s.messages.find((m) => m.id === 'seed')?.text).toContain(word);
    }
    s = run(s, { type: 'setSeed', text: '4294967295' });
    expect(s.doc.seed).toBe(4294967295);
    expect(s.messages.some((m) => m.id === 'seed')).toBe(false);
    expect(run(s, { type: 'undo' }).doc.seed).toBe(5);
  });

  it('a lever cannot be changed at a date its scenario does not cover (compare mode), and says why', () => {
    let s = start('?scenario=pre-2022&seed=1&compare=post-ukraine');
    const last = makeTimeline(preset('pre-2022').spec, preset('post-ukraine').spec).last;
    s = run(s, { type: 'seek', t: last }, lever('war', 0.5));
    expect(s.doc.edits).toEqual([]);
    expect(s.messages.find((m) => m.id === 'lever-outside')?.text).toMatch(/pre-2022 runs 2012Q1–2021Q4/);
  });

  it('compare aligns by date: turning it on and off keeps the date shown', () => {
    let s = start('?scenario=post-ukraine&seed=1&t=3');
    s = run(s, { type: 'setCompare', id: 'pre-2022' });
    const store = new Store(s);
    const f = frame(s, store.runs());
    expect(f.date).toBe('2022Q4');
    expect(f.a.rec.date).toBe('2022Q4');
    // pre-2022 ended in 2021Q4: its scene holds its last quarter and says so.
    expect(f.b?.at).toEqual({ step: preset('pre-2022').spec.steps, inside: false, side: 1 });
    expect(store.runs().timeline.last).toBe(
      preset('post-ukraine').spec.start + preset('post-ukraine').spec.steps - preset('pre-2022').spec.start,
    );
    s = run(s, { type: 'toggleCompare' });
    expect(s.doc.t).toBe(3);
  });

  it('a scenario compared with itself compares with its counterpart, with a message', () => {
    const s = run(start(), { type: 'setCompare', id: 'post-ukraine' });
    expect(s.doc.compare).toBe('no-war-2022');
    expect(s.messages.find((m) => m.id === 'compare')?.text).toMatch(/not compared with itself/);
  });

  it('an example sets everything up in one undoable step', () => {
    let s = start('?scenario=pre-2022&seed=3&t=5');
    s = run(s, {
      type: 'example',
      title: 'test',
      setup: { scenario: 'post-ukraine', set: [{ lever: 'war', value: 0, at: '2022Q1' }], compare: 'no-war-2022' },
    });
    expect(s.doc).toMatchObject({
      scenario: 'post-ukraine',
      compare: 'no-war-2022',
      edits: [{ t: 0, name: 'war', value: 0 }],
    });
    expect(s.doc.t).toBe(preset('post-ukraine').spec.steps);
    expect(s.info).toBe(false);
    s = run(s, { type: 'undo' });
    expect(s.doc).toMatchObject({ scenario: 'pre-2022', seed: 3, t: 5, edits: [] });
  });

  it('an import with thousands of problems keeps the run and lists a capped number of them', () => {
    const s0 = start();
    const bad = JSON.parse(JSON.stringify(preset('post-ukraine').file));
    bad.actors = Array.from({ length: 24 }, (_, k) => ({
      id: `x${k}`,
      name: 7,
      color: 'no',
      growth: 'a',
      otherTrade: -1,
    }));
    const s = run(s0, { type: 'import', text: JSON.stringify(bad), fileName: 'bad.json' });
    expect(s.doc).toBe(s0.doc);
    const m = s.messages.find((x) => x.id === 'import');
    expect(m?.kind).toBe('error');
    expect(m?.details.length).toBeLessThanOrEqual(12);
    expect(m?.details.at(-1)).toMatch(/and [\d,]+ more/);
    expect(capDetails(Array.from({ length: 5000 }, (_, k) => `e${k}`)).at(-1)).toBe(
      '… and 4,989 more (fix the first ones and import again)',
    );
  });

  it('a newer import of the same id is a new version; the document names the version shown', () => {
    const text1 = JSON.stringify({ ...preset('post-ukraine').file, id: 'mine', title: 'Mine 1' });
    const text2 = JSON.stringify({ ...preset('post-ukraine').file, id: 'mine', title: 'Mine 2' });
    let s = run(start(), { type: 'import', text: text1, fileName: 'a.json' });
    s = run(s, { type: 'import', text: text2, fileName: 'b.json' });
    expect(s.doc).toMatchObject({ scenario: 'mine', file: fingerprint(text2) });
    expect(resolve(s.library, 'mine', s.doc.file)?.spec.title).toBe('Mine 2');
    s = run(s, { type: 'undo' });
    expect(resolve(s.library, 'mine', s.doc.file)?.spec.title).toBe('Mine 1');
  });
});

describe('runs derived from the document', () => {
  it('a change at step k reuses the history before k and equals a run from scratch, record for record', () => {
    const base = preset('pre-2022');
    const cache = new RunCache();
    const seed = 7;
    let edits: LeverEdit[] = [];
    const unedited = cache.get('pre-2022', base, seed, [], {});
    const before = JSON.stringify(unedited.records);
    const moves: LeverEdit[] = [
      { t: 12, name: 'sanctions', value: 0.1 },
      { t: 12, name: 'sanctions', value: 0.15 },
      { t: 12, name: 'war', value: 0.6 },
      { t: 20, name: 'us_pivot', value: 0.3 },
      { t: 5, name: 'cn_jp_tension', value: 0.9 },
    ];
    for (const m of moves) {
      edits = [...edits.filter((e) => !(e.t === m.t && e.name === m.name)), m].sort((a, b) => a.t - b.t);
      const a = cache.get('pre-2022', base, seed, edits, {});
      expect(cache.last.how).toBe('prefix');
      const fresh = new RunCache().get('pre-2022', base, seed, edits, {});
      expect(JSON.stringify(a.records)).toBe(JSON.stringify(fresh.records));
      expect(a.run.hash(a.horizon)).toBe(fresh.run.hash(fresh.horizon));
    }
    // The cached unedited run (the ghost) is never changed by the runs made from it.
    expect(JSON.stringify(unedited.records)).toBe(before);
    expect(cache.get('pre-2022', base, seed, [], {})).toBe(unedited);
    expect(cache.last.how).toBe('hit');
  });

  it('the ghost is the unedited run, and exists only after an edit', () => {
    const store = new Store(start());
    expect(store.runs().ghost).toBeNull();
    store.dispatch(lever('sanctions', 0));
    const { a, ghost } = store.runs();
    expect(ghost).not.toBeNull();
    expect(ghost?.records.at(-1)?.hash).toBe(
      new RunCache().get('post-ukraine', preset('post-ukraine'), 1, [], {}).records.at(-1)?.hash,
    );
    expect(a.records.at(-1)?.hash).not.toBe(ghost?.records.at(-1)?.hash);
  });
});

describe('jobs: a stale result never overwrites a fresh one', () => {
  it('only the latest generation is accepted, whatever order the answers come in', () => {
    let slot = requestJob(EMPTY_SLOT, 'k1', 0);
    slot = requestJob(slot, 'k2', 10);
    expect(slot).toMatchObject({ gen: 2, status: 'pending' });
    slot = jobResult(slot, 2, 'fresh', 30);
    expect(slot).toMatchObject({ status: 'ready', value: 'fresh', valueKey: 'k2', ms: 20 });
    expect(jobResult(slot, 1, 'stale', 40)).toBe(slot);
    expect(jobProgress(slot, 1, 0.5)).toBe(slot);
    // A new request keeps the old value on screen, marked stale, until its own result comes.
    const next = requestJob(slot, 'k3', 50);
    expect(next).toMatchObject({ status: 'stale', value: 'fresh', gen: 3 });
    expect(jobResult(next, 2, 'old', 60)).toBe(next);
  });

  it('through the store: requests follow the inputs, late answers of old requests are dropped', () => {
    const store = new Store(start());
    const sent: JobMessage[] = [];
    const spec: JobSpec = { key: (s) => `seed ${s.doc.seed}`, payload: (s) => ({ seed: s.doc.seed }) };
    connectJobs(store, { run: (m) => sent.push(m) }, () => 0, { demo: spec });
    store.dispatch({ type: 'newSeed' });
    store.dispatch({ type: 'newSeed' });
    expect(sent.map((m) => [m.gen, m.payload])).toEqual([
      [1, { seed: 1 }],
      [2, { seed: 2 }],
      [3, { seed: 3 }],
    ]);
    store.dispatch({ type: 'jobResult', kind: 'demo', gen: 3, value: 'for seed 3', now: 1 });
    store.dispatch({ type: 'jobResult', kind: 'demo', gen: 1, value: 'for seed 1', now: 2 });
    store.dispatch({ type: 'jobError', kind: 'demo', gen: 2, error: 'late failure' });
    expect(store.get().jobs.demo).toMatchObject({ status: 'ready', value: 'for seed 3', error: null });
  });
});

describe('storage that refuses', () => {
  class Quota implements KeyValue {
    map = new Map<string, string>();
    constructor(private readonly limit: number) {}
    get(k: string) {
      return this.map.get(k) ?? null;
    }
    set(k: string, v: string) {
      if (v.length > this.limit) throw new Error('QuotaExceededError');
      this.map.set(k, v);
    }
    remove(k: string) {
      this.map.delete(k);
    }
  }
  /** Padding in `sources` (a file's text may not exceed 10,000 characters, nor a source 2,000). */
  const padding = (n: number) =>
    Object.fromEntries(Array.from({ length: Math.ceil(n / 2000) }, (_, k) => [`pad${k}`, 'x'.repeat(2000)]));
  const file = (title: string, pad = 0) =>
    JSON.stringify({ ...preset('post-ukraine').file, id: 'mine', title, sources: padding(pad) });

  it('an import too large to keep says so, and no older version stays to be shown after a reload', () => {
    const kv = new Quota(60_000);
    const store = new Store(start());
    connectPersistence(store, kv, (fn) => fn());
    store.dispatch({ type: 'import', text: file('Mine 1'), fileName: 'mine1.json' });
    expect(store.get().messages.find((m) => m.id === 'import')?.text).toMatch(/kept in this browser/);
    expect(restore(kv).library.imported.map((f) => f.name)).toEqual(['mine1.json']);
    store.dispatch({ type: 'import', text: file('Mine 2', 80_000), fileName: 'mine2.json' });
    const m = store.get().messages.find((x) => x.id === 'import');
    expect(m?.kind).toBe('warn');
    expect(m?.text).toMatch(/for this tab only.*storage is full/);
    // After a reload, the older file is not shown under the same id.
    expect(restore(kv).library.imported).toEqual([]);
  });

  it('older imports make room for the newest', () => {
    const kv = new Quota(70_000);
    const mk = (id: string, pad: number) => {
      const text = JSON.stringify({ ...preset('post-ukraine').file, id, title: id, sources: padding(pad) });
      return { id, fp: fingerprint(text), name: `${id}.json`, text };
    };
    const out = saveImports(kv, [mk('c', 20_000), mk('b', 20_000), mk('a', 20_000)]);
    expect(out.keptNewest).toBe(true);
    expect(out.dropped.map((f) => f.id)).toEqual(['a']);
    expect(restore(kv).library.imported.map((f) => f.id)).toEqual(['c', 'b']);
  });

  it('the one imported file an older version kept is read back once, under its id', () => {
    const kv = new Quota(1e9);
    kv.set(`${PREFIX}:imported`, file('Old'));
    const r = restore(kv);
    expect(r.library.imported.map((f) => f.id)).toEqual(['mine']);
    expect(kv.get(`${PREFIX}:imported`)).toBeNull();
  });
});

describe('cause and effect, in words', () => {
  it('what changed names the largest differences at the end against the unedited run', () => {
    const base = preset('post-ukraine');
    const cache = new RunCache();
    const a = cache.get('post-ukraine', base, 1, [{ t: 0, name: 'sanctions', value: 0 }], {});
    const g = cache.get('post-ukraine', base, 1, [], {});
    const w = whatChanged(a.records[a.horizon], g.records[g.horizon], a.spec);
    expect(w.items.length).toBeGreaterThan(0);
    const sizes = w.items.map((d) => Math.abs(d.d));
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    expect(w.text).toMatch(/^By 2025Q4 your changes /);
    expect(w.text).toContain(w.items[0].label);
  });

  it('a change before a scheduled event says the event no longer moves the lever', () => {
    const spec = preset('post-ukraine').spec;
    const ev = spec.events.find((e) => e.set.sanctions !== undefined && e.at > 0);
    expect(ev).toBeDefined();
    const o = overrides(spec, [{ t: 1, name: 'sanctions', value: 0.3 }]);
    expect(o.map((x) => [x.lever, x.at, x.label])).toEqual([['sanctions', ev!.at, ev!.label]]);
    expect(overrides(spec, [{ t: ev!.at + 1, name: 'sanctions', value: 0.3 }])).toEqual([]);
    expect(scheduled(spec, 'sanctions', 1).map((x) => x.at)).toEqual([ev!.at]);
    // A lever the scenario pins is not moved by events at all.
    const jc = preset('japan-counterweight').spec;
    expect(scheduled(jc, 'jp_rfe_openness', 0)).toEqual([]);
  });
});

describe('charts and table', () => {
  it('the dependence axis always holds the observed record, even when the run falls far below it', () => {
    const base = preset('post-ukraine');
    const cache = new RunCache();
    const low = cache.get(
      'post-ukraine',
      base,
      1,
      [
        { t: 0, name: 'sanctions', value: 0 },
        { t: 0, name: 'war', value: 0 },
      ],
      {},
    );
    const dep = chartGroups(low).find((g) => g.id === 'dependence')!;
    const [lo, hi] = chartRange(dep, [low]);
    const top = Math.max(...OBSERVED.filter((p) => p.indicator === 'ru_dependence_on_cn').map((p) => p.value));
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(top);
    const ties = chartGroups(low).find((g) => g.id === 'ties')!;
    expect(chartRange(ties, [low])).toEqual([-1, 1]);
  });

  it("a scenario's own indicators and any the model adds are charted under their own names", () => {
    const a = new RunCache().get('post-ukraine', preset('post-ukraine'), 1, [], {});
    const charted = chartGroups(a).flatMap((g) => g.metrics);
    for (const name of Object.keys(a.records[0].indicators)) expect(charted).toContain(name);
    const m = chartsModel({ a, b: null, ghost: null, timeline: makeTimeline(a.spec, null) }, null);
    expect(m.events.map((e) => e.tag)).toEqual(['Invasion', 'Embargo']);
  });

  it('the table has every indicator and tie per quarter, and sorts by any column', () => {
    const a = new RunCache().get('pre-2022', preset('pre-2022'), 1, [], {});
    const t = buildTable(a, { key: 'ru_dependence_on_cn', dir: -1 });
    expect(t.rows).toHaveLength(a.horizon + 1);
    for (const k of [...Object.keys(a.records[0].indicators), ...Object.keys(a.records[0].ties)])
      expect(t.columns.map((c) => c.key)).toContain(k);
    const col = t.rows.map((r) => r.cells.ru_dependence_on_cn as number);
    expect([...col].sort((x, y) => y - x)).toEqual(col);
  });
});

describe('the files the app writes', () => {
  function check(id: string, seed: number, edits: LeverEdit[]): { problem: string | null; text: string } {
    const base = preset(id);
    const app = computeFull(new RunCache().get(id, base, seed, edits, {}));
    const text = scenarioJson(base.file, edits, base.spec.start, seed);
    expect(loadScenario(JSON.parse(text)).ok).toBe(true);
    return { problem: retraces(text, seed, app.run, base.spec.steps), text };
  }

  it('a change after the start becomes a pinning event and the file retraces the app run', () => {
    const { problem, text } = check('post-ukraine', 5, [
      { t: 2, name: 'sanctions', value: 0.5 },
      { t: 2, name: 'vn_cam_ranh', value: 0.9 },
    ]);
    expect(problem).toBeNull();
    expect(JSON.parse(text).events).toContainEqual(
      expect.objectContaining({ at: '2022Q3', set: { sanctions: 0.5 }, pin: true }),
    );
  });

  it('a lever changed twice, and a lever the scenario pins changed later, still retrace', () => {
    expect(check('post-ukraine', 2, [{ t: 0, name: 'war', value: 0.2 }]).problem).toBeNull();
    expect(
      check('post-ukraine', 7, [
        { t: 0, name: 'war', value: 0.6 },
        { t: 3, name: 'war', value: 0.2 },
        { t: 9, name: 'war', value: 0.9 },
      ]).problem,
    ).toBeNull();
    expect(check('japan-counterweight', 7, [{ t: 4, name: 'jp_rfe_openness', value: 0.2 }]).problem).toBeNull();
  });

  it('the check notices a file that does not retrace the run (an unpinned event, a decision lever changed twice)', () => {
    const base = preset('post-ukraine');
    const edits: LeverEdit[] = [{ t: 2, name: 'sanctions', value: 0.5 }];
    const app = computeFull(new RunCache().get('post-ukraine', base, 5, edits, {}));
    const file = JSON.parse(scenarioJson(base.file, edits, base.spec.start, 5));
    for (const e of file.events) delete e.pin;
    expect(retraces(JSON.stringify(file), 5, app.run, base.spec.steps)).toMatch(/sanctions differs from 2022Q4/);
    expect(
      check('post-ukraine', 5, [
        { t: 2, name: 'vn_cam_ranh', value: 0.9 },
        { t: 6, name: 'vn_cam_ranh', value: 0.1 },
      ]).problem,
    ).toMatch(/vn_cam_ranh/);
  });

  it("the CSV is the CLI's file; its first line carries the weight changes when there are any", () => {
    const base = preset('post-ukraine');
    const a = new RunCache().get('post-ukraine', base, 3, [{ t: 2, name: 'war', value: 0.4 }], {});
    const mine = runCsv(a.run, a.records, a.edits, {});
    expect(mine).toBe(cliCsv(a.run, a.records, { pinned: '', changes: 'war=0.4@2022Q3' }));
    expect(mine.split('\n')[0]).not.toMatch(/weights/);
    const w = new RunCache().get('post-ukraine', base, 3, [], { RU: { autonomy: 3 } });
    expect(runCsv(w.run, w.records, [], w.weights).split('\n')[0]).toMatch(/; weights: RU\.autonomy=3; hash: /);
  });
});

describe('the command that reproduces the hash shown', () => {
  const base = {
    id: 'post-ukraine',
    preset: true,
    seed: 3,
    t: 5,
    start: 2022 * 4,
    weights: false,
    exportName: 'post-ukraine.json',
  };

  it('a preset with changes at step 0 and later: --set and --change, exact', () => {
    const r = reproduce({
      ...base,
      edits: [
        { t: 0, name: 'war', value: 0.5 },
        { t: 2, name: 'sanctions', value: 0.4 },
      ],
    });
    expect(r.command).toBe(
      'npm run --silent sim -- run --scenario post-ukraine --seed 3 --steps 5 --set war=0.5 --change sanctions=0.4@2022Q3',
    );
    expect(r.exact).toBe(true);
  });

  it('a change after the step shown does not matter to its hash', () => {
    const r = reproduce({ ...base, edits: [{ t: 8, name: 'war', value: 0.5 }] });
    expect(r.command).toBe('npm run --silent sim -- run --scenario post-ukraine --seed 3 --steps 5');
    expect(r.note).toMatch(/2024Q1 on comes after this step/);
  });

  it('weights need the exported file; with a mid-run change it is not hash-exact', () => {
    expect(reproduce({ ...base, weights: true, edits: [] })).toMatchObject({
      command: 'npm run --silent sim -- run --scenario post-ukraine.json --seed 3 --steps 5',
      exact: true,
    });
    const r = reproduce({ ...base, weights: true, edits: [{ t: 2, name: 'war', value: 0.5 }] });
    expect(r.exact).toBe(false);
    expect(r.note).toMatch(/not this hash/);
  });
});

describe('explain numbers', () => {
  it('utility changes keep their sign and two significant digits, however small', () => {
    expect(fmtDelta(0.04)).toBe('+0.04');
    expect(fmtDelta(-0.0042)).toBe('−0.0042');
    expect(fmtDelta(0.000312)).toBe('+0.00031');
    expect(fmtDelta(-0.019999999999999962)).toBe('−0.02');
    expect(fmtDelta(0)).toBe('0');
    expect(fmtDelta(4e-7)).toBe('+<0.000001');
  });
});

describe('the store', () => {
  it('intents dispatched by a watcher are handled after it, in order, and every watcher sees each state', () => {
    const store = new Store(start());
    const seen: number[] = [];
    store.watch(
      (s) => s.doc.seed,
      (seed) => {
        seen.push(seed);
        if (seed === 2) store.dispatch({ type: 'newSeed' });
      },
    );
    const other: number[] = [];
    store.watch(
      (s) => s.doc.seed,
      (seed) => other.push(seed),
    );
    store.dispatch({ type: 'newSeed' });
    expect(seen).toEqual([1, 2, 3]);
    expect(other).toEqual([1, 2, 3]);
  });
});
