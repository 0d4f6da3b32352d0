// End-to-end tests of the built app: `vite preview` serves dist/, playwright-core drives Debian's Chromium.
// Run with `npm run test:e2e` (builds first). Prints one line per test and `N passed, M failed`; exits
// non-zero on any failure. Screenshots go to artifacts/screenshots/ (git-ignored).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
// The band's shape as the app defines it (a type only, erased at run time).
import { CSP, DEV_CSP } from '../../csp.config';
import { readStudyForm, type StudyForm, studyColumns } from '../../src/app/analysis';
import { RunCache } from '../../src/app/derive';
import { fmt } from '../../src/app/format';
import { differences, whatChanged } from '../../src/app/insight';
import { EXAMPLES, REPRODUCE, TERMS } from '../../src/data/info';
import type { LeverName } from '../../src/model/levers';
import { LEVERS } from '../../src/model/levers';
import { formatQuarter } from '../../src/model/time';
import { loadPreset } from '../../src/scenario/presets';
import { MAP_CLAIMS } from '../../src/sim/claimsMap';
import type { ClaimsMapFile } from '../../src/sim/claimsMapFile';
import { runWithChanges } from '../../src/sim/replay';
import { Run } from '../../src/sim/run';
import { runStudy } from '../../src/sim/study';
import type { BandInfo } from '../../src/ui/testHook';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = join(ROOT, 'artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

interface HookState {
  scenario: string;
  seed: number;
  t: number;
  edits: { t: number; name: string; value: number }[];
  compare: string | null;
  url: string;
  date: string;
  horizon: number;
  hash: string;
  hashEnd: string;
  config: string;
  levers: Record<string, number>;
  indicators: Record<string, number>;
  ties: Record<string, number>;
  playing: boolean;
  summary: string;
  compareHash: string | null;
  compareDate: string | null;
  weights: Record<string, Record<string, number>>;
  step: number;
  last: number;
  dateA: string;
  history: { index: number; length: number };
  tab: string;
  side: string;
  selected: { scene: number; actor: string };
  drawer: boolean;
  messages: string[];
  ghost: boolean;
}

const labels = (page: Page, scene = 0) => page.evaluate((k) => window.__triangle!.labels(k), scene);

/** Every label of scene k is there once: as many Text objects as the roster needs, one name per actor. */
async function labelsMatchRoster(
  page: Page,
  roster: { id: string; name: string }[],
  scene: number,
  what: string,
): Promise<void> {
  const info = await labels(page, scene);
  eq(info.texts, info.expected, `${what}: Text objects in scene ${scene}`);
  eq(
    info.names.map((n) => n.id).join(','),
    roster.map((a) => a.id).join(','),
    `${what}: name labels of scene ${scene}`,
  );
  for (const n of info.names) eq(n.full, roster.find((a) => a.id === n.id)?.name, `${what}: ${n.id}'s label`);
}

function rosterOf(id: string): { id: string; name: string }[] {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec.actors.map((a) => ({ id: a.id, name: a.name }));
}

type Test = { name: string; fn: () => Promise<void> };
const tests: Test[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });
const metrics: Record<string, string> = {};

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

function eq<T>(a: T, b: T, msg: string): void {
  if (a !== b) throw new Error(`${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

async function waitHttp(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not answer at ${url}`);
}

let server: ChildProcess | null = null;
let browser: Browser;
let base = '';
/** Console errors and page errors, per page; every test checks its page has none. */
const errors = new Map<Page, string[]>();

async function open(
  query = '',
  opts: { width?: number; height?: number; scheme?: 'light' | 'dark'; ctx?: BrowserContext; base?: string } = {},
): Promise<Page> {
  const ctx =
    opts.ctx ??
    (await browser.newContext({
      viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
      colorScheme: opts.scheme ?? 'light',
    }));
  const page = await ctx.newPage();
  // Every Content-Security-Policy violation is an error of the page.
  // Functions passed to the page keep esbuild's name helper (tsx keeps names); give the page one.
  await page.addInitScript('window.__name = window.__name || ((f) => f);');
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const errs: string[] = [];
  errors.set(page, errs);
  page.on('console', (m) => {
    if (m.type() === 'error') errs.push(m.text());
  });
  page.on('pageerror', (e) => errs.push(e.message));
  await page.goto(`${opts.base ?? base}/${query}`);
  await page.waitForFunction(() => window.__triangle?.ready === true, null, { timeout: opts.base ? 90000 : 20000 });
  await page.waitForTimeout(250);
  return page;
}

async function close(page: Page): Promise<void> {
  const errs = errors.get(page) ?? [];
  await page.context().close();
  if (errs.length > 0) throw new Error(`console errors: ${errs.join(' | ')}`);
}

const state = (page: Page) => page.evaluate(() => window.__triangle!.state()) as unknown as Promise<HookState>;

async function setLever(page: Page, name: string, value: number): Promise<void> {
  const input = page.locator(`.lil-controller[data-lever="${name}"] input`);
  await input.fill(String(value));
  await input.press('Enter');
  await page.waitForTimeout(100);
}

async function scrub(page: Page, t: number): Promise<void> {
  await page.locator('#t-scrub').evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, t);
}

const band = (page: Page) => page.evaluate(() => window.__triangle!.band());

/** Wait until the worker's band for the current inputs is drawn. */
async function bandReady(page: Page): Promise<BandInfo> {
  await page.waitForSelector('#panel-chart[data-band-state="ready"][data-band-seeds="200"]', {
    state: 'attached',
    timeout: 30000,
  });
  const b = await band(page);
  assert(b, 'no band after it was drawn');
  return b;
}

/** A preset's number of steps, read from the scenario (post-ukraine's may change: never hard-code it). */
function stepsOf(id: string): number {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec.steps;
}
const H = stepsOf('post-ukraine');

function cli(args: string[]): string {
  return execFileSync('npm', ['run', '--silent', 'sim', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

function nodeRun(scenario: string, seed: number, steps: number): Run {
  const r = loadPreset(scenario);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const run = new Run(r.spec, { seed, record: true });
  run.runTo(steps);
  return run;
}

/** Why two engines can disagree: their Math.exp/log/cos/tanh/pow differ in the last bit on some inputs. */
async function mathDiagnosis(page: Page): Promise<string> {
  // A string, so the bundler's helpers never leak into the page.
  const probe = `(() => {
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const out = { exp: [], log: [], cos: [], tanh: [], pow: [] };
    for (let k = 0; k < 20000; k++) {
      const u = rnd();
      const v = rnd();
      out.exp.push(Math.exp(20 * (u - 0.5)));
      out.log.push(Math.log(1 - u));
      out.cos.push(Math.cos(2 * Math.PI * u));
      out.tanh.push(Math.tanh(4 * (u - 0.5)));
      out.pow.push((1 + v * 0.1) ** (u * 10));
    }
    return out;
  })()`;
  const node = runInNewContext(probe) as Record<string, number[]>;
  const web = (await page.evaluate(probe)) as Record<string, number[]>;
  const diffs = Object.keys(node)
    .map((k) => [k, node[k].filter((x, i) => !Object.is(x, web[k][i])).length] as const)
    .filter(([, d]) => d > 0);
  if (diffs.length === 0) return 'Math functions agree between the engines';
  return (
    `Node (V8 ${process.versions.v8}) and Chromium ${await browser.version()} disagree in the last bit: ` +
    `${diffs.map(([k, d]) => `Math.${k} on ${d}/20000 inputs`).join(', ')}; a model that calls Math.* instead of ` +
    'src/model/dmath.ts cannot hash the same in both'
  );
}

// ---- tests ------------------------------------------------------------------------------------------

test('the default scenario opens, the canvas is drawn, the seed and hash are shown', async () => {
  const page = await open();
  const s = await state(page);
  eq(s.scenario, 'post-ukraine', 'default scenario');
  eq(s.t, 0, 'starts at step 0');
  const px = await page.evaluate(() => window.__triangle!.pixels());
  assert(px.width > 300 && px.height > 200, `canvas too small: ${px.width}x${px.height}`);
  assert(px.nonBackground > 5000, `canvas looks blank: ${px.nonBackground} non-background pixels`);
  assert(px.colours > 50, `canvas has only ${px.colours} colours`);
  const seed = await page.textContent('#h-seed');
  eq(seed, 'seed 1', 'seed chip');
  const hash = await page.getAttribute('#hash', 'data-hash');
  eq(hash, s.hash, 'footer hash');
  const first = await page.evaluate(() => performance.getEntriesByName('first-frame')[0]?.startTime ?? -1);
  assert(first > 0, 'no first-frame mark');
  metrics['first rendered frame (ms after navigation start)'] = first.toFixed(0);
  await close(page);
});

test('the hash for (post-ukraine, seed 1, all its steps) equals the CLI and a Node run', async () => {
  const out = JSON.parse(
    cli(['run', '--scenario', 'post-ukraine', '--seed', '1', '--steps', String(H), '--format', 'json']),
  ) as { hash: string };
  const node = nodeRun('post-ukraine', 1, H).hash(H);
  eq(out.hash, node, 'CLI vs Node');
  const page = await open(`?scenario=post-ukraine&seed=1&t=${H}`);
  const shown = await page.getAttribute('#hash', 'data-hash');
  if (shown !== out.hash) {
    const why = await mathDiagnosis(page);
    await close(page);
    throw new Error(`browser hash ${shown} vs CLI ${out.hash}. ${why}`);
  }
  eq(await page.getAttribute('#hash', 'data-t'), String(H), 'hash step');
  await close(page);
});

test('step, step back, scrub, reset and play behave (buttons and keyboard)', async () => {
  const page = await open('?scenario=post-ukraine&seed=1');
  await page.click('#t-fwd');
  eq((await state(page)).t, 1, 'after ▶');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  eq((await state(page)).t, 3, 'after → →');
  await page.keyboard.press('ArrowLeft');
  eq((await state(page)).t, 2, 'after ←');
  await page.click('#t-back');
  eq((await state(page)).t, 1, 'after ◀');
  await page.locator('#t-scrub').evaluate((el: HTMLInputElement) => {
    el.value = '10';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const s10 = await state(page);
  eq(s10.t, 10, 'after scrubbing to 10');
  eq(s10.date, '2024Q3', 'date at step 10');
  eq(await page.textContent('#h-date'), '2024Q3', 'header date');
  const direct = await open('?scenario=post-ukraine&seed=1&t=10');
  eq(s10.hash, (await state(direct)).hash, 'scrubbing to 10 and opening at 10 show the same state');
  await close(direct);
  await page.locator('body').press('r');
  eq((await state(page)).t, 0, 'after R');
  await page.click('#t-back');
  eq((await state(page)).t, 0, 'cannot step before 0');
  // Space on a focused button presses that button; from the page it plays.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(' ');
  assert((await state(page)).playing, 'space starts playing');
  await page.waitForTimeout(1200);
  await page.keyboard.press(' ');
  const p = await state(page);
  assert(!p.playing, 'space pauses');
  assert(p.t >= 1 && p.t <= 4, `played to a plausible step at 2 q/s: ${p.t}`);
  await page.click('#t-reset');
  eq((await state(page)).t, 0, 'reset button');
  // Clicking a chart jumps to that quarter.
  const over = page.locator('.chart .u-over').first();
  const box = await over.boundingBox();
  assert(box, 'chart plot area');
  await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
  eq((await state(page)).t, H, 'clicking the right end of a chart jumps to the last quarter');
  await close(page);
});

test('a lever change applies from the current step on and changes the run', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=3');
  const h3 = (await state(page)).hash;
  await page.keyboard.press('ArrowRight');
  const before = await state(page);
  await setLever(page, 'war', 0);
  const after = await state(page);
  eq(after.t, 4, 'still at step 4');
  eq(after.edits.length, 1, 'one edit');
  eq(after.edits[0].name, 'war', 'edited lever');
  eq(after.edits[0].t, 4, 'edit step');
  eq(after.levers.war, 0, 'lever value at step 4');
  assert(after.hashEnd !== before.hashEnd, 'the end of the run did not change');
  assert(after.hash !== before.hash, 'the state at step 4 did not change');
  assert(after.url.includes('set=war:0@4'), `URL lacks the edit: ${after.url}`);
  const note = await page.textContent('#changes');
  assert(note?.includes('war 0.00 from 2023Q1'), `no change note: ${note}`);
  await page.locator('body').press('ArrowLeft');
  eq((await state(page)).hash, h3, 'step 3 (before the change) is untouched');
  await close(page);
});

test('the bands of 200 seeds (5–95% and 25–75%) are drawn on every chart and follow a lever', async () => {
  const page = await open(`?scenario=post-ukraine&seed=1&t=${H}`);
  const b = await bandReady(page);
  eq(b.seeds, 200, 'band seeds');
  eq(b.seed, 1, 'band starts at the seed shown');
  assert(b.hashMatches, "the band's first seed does not end where the run shown ends");
  eq(await page.getAttribute('#panel-chart', 'data-band-check'), 'ok', 'band check attribute');
  const note = (await page.textContent('.legend .band-note')) ?? '';
  eq(note, '5–95% · 25–75% of 200 seeds', 'band key');
  const noteTitle = (await page.getAttribute('.legend .band-note', 'title')) ?? '';
  assert(noteTitle.includes('seeds 1–200') && noteTitle.includes('median'), `band key tooltip: ${noteTitle}`);
  for (const m of [
    'ru_dependence_on_cn',
    'cn_dependence_on_ru',
    'ru_autonomy',
    'ru_negotiating_space',
    'CN-RU',
    'CN-US',
    'RU-US',
  ]) {
    const q = b.at[m];
    assert(
      q && q.lo <= q.q25 && q.q25 <= q.med && q.med <= q.q75 && q.q75 <= q.hi,
      `band of ${m} at the horizon is not ordered: ${JSON.stringify(q)}`,
    );
  }
  const dep = b.at.ru_dependence_on_cn;
  assert(dep.hi - dep.lo > 0.005, `the dependence band has no width: ${JSON.stringify(dep)}`);
  // The bands are seen: drawing each banded chart without them changes many pixels.
  const ids: string[] = [];
  for (let k = 0; ; k++) {
    const c = await page.evaluate((i) => window.__triangle!.chart(i), k);
    if (!c) break;
    ids.push(c.id);
  }
  for (const id of ['dependence', 'room', 'ties', 'configs', 'more'])
    assert(ids.includes(id), `no ${id} chart: ${ids}`);
  for (const id of ['dependence', 'room', 'ties', 'more']) {
    const px = await page.evaluate((i) => window.__triangle!.bandPixels(i), ids.indexOf(id));
    assert(px.differing > 0.005 * px.total, `${id}: the band changes only ${px.differing} of ${px.total} pixels`);
  }
  // The configuration shares: a share of every seed at every step, so they sum to 1.
  const steps = b.configs['menage-a-trois'].length;
  eq(steps, H + 1, 'configuration shares at every step');
  for (let t = 0; t < steps; t++) {
    const sum = Object.values(b.configs).reduce((x, v) => x + v[t], 0);
    assert(Math.abs(sum - 1) < 1e-12, `configuration shares at step ${t} sum to ${sum}`);
  }
  const cfg = (await page.evaluate((i) => window.__triangle!.chart(i), ids.indexOf('configs')))!;
  eq(cfg.series.join(','), 'menage-a-trois,romantic-triangle,stable-marriage,unit-veto,indeterminate', 'stack');
  metrics['band of 200 seeds, post-ukraine (request to statistics, ms)'] = b.ms.toFixed(0);
  metrics['band of 200 seeds, post-ukraine (request to drawn, ms)'] = b.roundTripMs.toFixed(0);
  // A lever change: the band goes stale at once, then the new one arrives and differs.
  await page.locator('body').press('r');
  await setLever(page, 'sanctions', 0);
  const after = await bandReady(page);
  assert(after.hashMatches, 'after the change, the band and the run disagree');
  await scrub(page, H);
  const end = (await band(page))!;
  assert(
    Math.abs(end.at.ru_dependence_on_cn.med - dep.med) > 1e-6 ||
      Math.abs(end.at.ru_dependence_on_cn.hi - dep.hi) > 1e-6,
    `the band did not move with the lever: ${JSON.stringify(dep)} then ${JSON.stringify(end.at.ru_dependence_on_cn)}`,
  );
  // Quick changes (a drag: several in one frame, then a few frames apart): only the last one's band is drawn.
  const drawn = await page.evaluate(async () => {
    const h = window.__triangle!;
    const hashes: string[] = [];
    const seen = new Set<number>();
    const watch = setInterval(() => {
      const b = h.band();
      if (b && b.state === 'ready' && !seen.has(b.gen)) {
        seen.add(b.gen);
        hashes.push(`${b.gen}:${b.hashMatches}`);
      }
    }, 1);
    for (const v of [0.1, 0.2, 0.3]) h.dispatch({ type: 'setLever', name: 'war', value: v, final: false });
    for (const v of [0.4, 0.5, 0.6]) {
      await new Promise((r) => requestAnimationFrame(r));
      h.dispatch({ type: 'setLever', name: 'war', value: v, final: v === 0.6 });
    }
    await new Promise((r) => setTimeout(r, 3000));
    clearInterval(watch);
    return hashes;
  });
  const last = await bandReady(page);
  assert(last.hashMatches, 'after quick changes, the band belongs to an older change');
  eq((await state(page)).levers.war, 0.6, 'the last change is the one shown');
  assert(
    drawn.every((d) => d.endsWith(':true')),
    `a band that did not belong to the run shown was drawn: ${drawn}`,
  );
  await close(page);

  const pre = await open('?scenario=pre-2022&seed=1&t=0');
  const bp = await bandReady(pre);
  assert(bp.hashMatches, 'pre-2022 band and run disagree');
  metrics['band of 200 seeds, pre-2022 (request to statistics, ms)'] = bp.ms.toFixed(0);
  metrics['band of 200 seeds, pre-2022 (request to drawn, ms)'] = bp.roundTripMs.toFixed(0);
  await close(pre);

  // Compare mode: A's band, B's band and the paired difference A − B (same seeds).
  const cmp = await open('?scenario=post-ukraine&seed=3&t=8&compare=no-war-2022');
  const bc = await bandReady(cmp);
  assert(bc.hashMatches && bc.seed === 3, "compare: the band is not A's");
  const qb = bc.bAt?.ru_dependence_on_cn;
  assert(qb && qb.lo <= qb.med && qb.med <= qb.hi && qb.hi > qb.lo, `compare: no band of B: ${JSON.stringify(qb)}`);
  const d = bc.diffAt?.ru_dependence_on_cn;
  assert(
    d && d.lo !== null && d.hi !== null && d.lo <= (d.med ?? Number.NaN),
    `no difference band: ${JSON.stringify(d)}`,
  );
  const cids: string[] = [];
  for (let k = 0; ; k++) {
    const c = await cmp.evaluate((i) => window.__triangle!.chart(i), k);
    if (!c) break;
    cids.push(c.id);
  }
  assert(cids.includes('diff'), `compare: no A − B chart: ${cids}`);
  const px = await cmp.evaluate((i) => window.__triangle!.bandPixels(i), cids.indexOf('diff'));
  assert(px.differing > 0.005 * px.total, `A − B: the band changes only ${px.differing} of ${px.total} pixels`);
  await close(cmp);
});

test('band_200_ms: from a lever change to the redrawn bands of 200 seeds, median of 20 changes', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=4');
  await bandReady(page);
  const times: number[] = [];
  for (let k = 0; k < 20; k++) {
    const v = k % 2 === 0 ? 0.3 + k * 0.02 : 0.9 - k * 0.02;
    const ms = await page.evaluate(
      async (value) => {
        const h = window.__triangle!;
        const t0 = performance.now();
        h.dispatch({ type: 'setLever', name: 'war', value, final: true });
        const want = h.band()?.gen ?? -1;
        const until = t0 + 20000;
        for (;;) {
          const b = h.band();
          if (b && b.gen === want && b.state === 'ready' && h.bandDrawnAt() > t0) break;
          if (performance.now() > until) return -1;
          await new Promise((r) => setTimeout(r, 1));
        }
        return h.bandDrawnAt() - t0;
      },
      Number(v.toFixed(2)),
    );
    assert(ms >= 0, `change ${k}: the bands were not redrawn within 20 s`);
    const b = (await band(page))!;
    assert(b.hashMatches, `change ${k}: the band drawn is not the run's`);
    times.push(ms);
    await page.waitForTimeout(150);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[9] + sorted[10]) / 2;
  metrics.band_200_ms = median.toFixed(1);
  metrics['band_200_ms spread (min, 25%, 75%, max)'] = [sorted[0], sorted[5], sorted[15], sorted[19]]
    .map((x) => x.toFixed(1))
    .join(', ');
  metrics['band_200_ms workers (navigator.hardwareConcurrency)'] = String(
    await page.evaluate(() => navigator.hardwareConcurrency),
  );
  await close(page);
});

test("a scenario's own indicators are named by their label", async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=4');
  const caption = page.locator('.chart[data-chart="more"] figcaption');
  const html = (await caption.innerHTML()) ?? '';
  assert(
    html.includes("Russia's dependence minus China's"),
    `the extra indicator's label is not in the caption: ${html}`,
  );
  assert(!html.includes('ru cn trade gap') && !html.includes('ru_cn_trade_gap'), 'the raw name is shown');
  await close(page);
});

test('the scenario picker loads each preset; new seed is seed + 1', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=3');
  const picker = page.locator('.lil-controller:has(.lil-name:text-is("scenario")) select');
  for (const id of [
    'pre-2022',
    'no-war-2022',
    'us-engages-russia',
    'japan-counterweight',
    'vietnam-closes-cam-ranh',
    'post-ukraine',
  ]) {
    await picker.selectOption(id);
    const s = await state(page);
    eq(s.scenario, id, 'picked scenario');
    eq(s.t, 0, 'a new scenario starts at step 0');
    const r = loadPreset(id);
    assert(r.ok, `${id} loads`);
    eq(s.horizon, r.spec.steps, `${id} horizon`);
  }
  await page.click('button:has-text("new seed (seed + 1)")');
  const s = await state(page);
  eq(s.seed, 2, 'new seed');
  eq(await page.textContent('#h-seed'), 'seed 2', 'seed chip follows');
  await close(page);
});

test('utility weights change the whole run and travel in the link', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=5');
  const before = await state(page);
  await page.click('.lil-title:has-text("Utility weights")');
  await page.click('.lil-title:has-text("Russia (RU)")');
  const input = page.locator(
    '.lil-gui .lil-title:has-text("Russia (RU)") + .lil-children .lil-controller:has(.lil-name:text-is("autonomy")) input',
  );
  await input.fill('3');
  await input.press('Enter');
  await input.blur();
  await page.waitForFunction((h) => window.__triangle!.state().hashEnd !== h, before.hashEnd);
  const after = await state(page);
  assert(after.url.includes('w=RU.autonomy:3'), `URL lacks the weight: ${after.url}`);
  eq(after.t, 5, 'step kept');
  assert(after.hash !== before.hash || after.hashEnd !== before.hashEnd, 'weights did not change the run');
  const note = (await page.textContent('#changes')) ?? '';
  assert(note.includes('autonomy') && note.includes('whole run'), `no weight note: ${note}`);
  await close(page);
});

test('hovering an actor highlights it and shows its values', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=4');
  for (const id of ['RU', 'JP']) {
    const p = await page.evaluate((x) => window.__triangle!.node(x), id);
    assert(p, `no position for ${id}`);
    await page.mouse.move(p.x, p.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = (await page.textContent('#tooltip')) ?? '';
    assert(tip.includes(id === 'RU' ? 'Russia' : 'Japan') && tip.includes('tie with'), `tooltip: ${tip}`);
  }
  const p = await page.evaluate(() => window.__triangle!.node('RU'));
  await page.mouse.click(p!.x, p!.y);
  await page.mouse.move(5, 5);
  await page.waitForSelector('#tooltip[hidden]', { state: 'attached' });
  assert(((await page.textContent('#explain h2')) ?? '').includes('Russia'), 'click selects the actor');
  // Keyboard: focusing an actor chip highlights it in the scene too (the tooltip follows focus).
  await page.focus('#explain button[data-actor="EU"]');
  await page.waitForSelector('#tooltip:not([hidden])');
  assert(((await page.textContent('#tooltip')) ?? '').includes('Europe'), 'focus shows the tooltip');
  await close(page);
});

test('a link reproduces exactly what the sender saw (and a reload keeps it)', async () => {
  const page = await open('?scenario=japan-counterweight&seed=7&t=2');
  await setLever(page, 'jp_rfe_openness', 0.95);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const sent = await state(page);
  await page.waitForFunction((q) => location.search === q, sent.url);
  const url = page.url();
  await close(page);
  const other = await open(new URL(url).search);
  const got = await state(other);
  eq(got.scenario, sent.scenario, 'scenario');
  eq(got.seed, 7, 'seed');
  eq(got.t, sent.t, 'step');
  eq(got.hash, sent.hash, 'hash at the step');
  eq(got.hashEnd, sent.hashEnd, 'hash at the end');
  eq(got.levers.jp_rfe_openness, 0.95, 'lever');
  // A reload without the query string restores the last view from localStorage.
  await other.goto(`${base}/`);
  await other.waitForFunction(() => window.__triangle?.ready === true);
  const back = await state(other);
  eq(back.hashEnd, sent.hashEnd, 'restored after reload');
  await close(other);
});

test('a strange link shows clear messages and falls back to defaults', async () => {
  const page = await open('?scenario=atlantis&seed=abc&t=999&set=war:7@2,nope:1@1&compare=mars');
  const s = await state(page);
  eq(s.scenario, 'post-ukraine', 'fallback scenario');
  eq(s.seed, 1, 'fallback seed');
  eq(s.t, H, 'step clamped to the horizon');
  eq(s.edits.length, 0, 'bad edits dropped');
  eq(s.compare, null, 'compare off');
  const text = (await page.textContent('#messages')) ?? '';
  for (const word of ['atlantis', 'abc', '999', 'war=7', 'nope', 'mars'])
    assert(text.includes(word), `message does not name "${word}": ${text}`);
  const px = await page.evaluate(() => window.__triangle!.pixels());
  assert(px.nonBackground > 5000, 'canvas blank after a strange link');
  await close(page);
});

test('a broken scenario file shows field errors and keeps the run; a good one loads', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=5');
  const before = await state(page);
  const good = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
  const bad = structuredClone(good);
  bad.actors[2].color = 'purple';
  bad.steps = -3;
  await page.setInputFiles('#file-input', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await page.waitForSelector('.msg.error');
  const text = (await page.textContent('.msg.error')) ?? '';
  assert(text.includes('broken.json'), 'error names the file');
  assert(text.includes('actors[2].color'), `error lacks the field actors[2].color: ${text}`);
  assert(text.includes('steps'), `error lacks the field steps: ${text}`);
  const kept = await state(page);
  eq(kept.hash, before.hash, 'run kept');
  eq(kept.scenario, 'post-ukraine', 'scenario kept');
  await page.setInputFiles('#file-input', {
    name: 'nonsense.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ not json'),
  });
  await page.waitForFunction(() => document.querySelector('.msg.error')?.textContent?.includes('not valid JSON'));
  const mine = { ...good, id: 'my-scenario', title: 'My scenario' };
  await page.setInputFiles('#file-input', {
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mine)),
  });
  await page.waitForFunction(() => window.__triangle!.state().scenario === 'my-scenario');
  eq(await page.textContent('#h-scenario'), 'My scenario', 'imported title');
  await close(page);
});

test('the run CSV export has the CLI columns and the same values', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#share-csv')]);
  const path = await dl.path();
  const mine = readFileSync(path, 'utf8').trim().split('\n');
  const theirs = cli(['run', '--scenario', 'post-ukraine', '--seed', '1', '--steps', String(H), '--format', 'csv'])
    .trim()
    .split('\n');
  eq(mine.length, theirs.length, 'row count');
  eq(mine[1], theirs[1], 'header row');
  // Values: the same doubles as the CLI prints (the model's arithmetic is portable: src/model/dmath.ts).
  const cols = mine[1].split(',');
  for (let k = 2; k < mine.length; k++) {
    const a = mine[k].split(',');
    const b = theirs[k].split(',');
    const c = a.findIndex((v, i) => v !== b[i]);
    if (c >= 0) throw new Error(`t=${a[2]}, column ${cols[c]}: browser ${a[c]}, CLI ${b[c]}`);
  }
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#share-json')]);
  const parsed = JSON.parse(readFileSync(await json.path(), 'utf8'));
  eq(parsed.id, 'post-ukraine', 'exported scenario id');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#share-png')]);
  const buf = readFileSync(await png.path());
  eq(buf.subarray(1, 4).toString(), 'PNG', 'PNG signature');
  assert(png.suggestedFilename().endsWith('-report.png'), `PNG name: ${png.suggestedFilename()}`);
  await close(page);
});

test('explain: clicking an actor shows its utility by term and its moves with utility changes', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=3');
  await page.click('#side-tab-explain');
  await page.click('#explain button[data-actor="JP"]');
  const text = (await page.textContent('#explain')) ?? '';
  assert(text.includes('Japan'), 'explain names Japan');
  assert(/economy/.test(text) && /security/.test(text), 'terms listed');
  assert(
    /Japan (warmed|cooled|invested|raised|lowered|shifted)/.test(text) || text.includes('held everything'),
    `no moves: ${text.slice(0, 300)}`,
  );
  assert(/[+−]\d\.\d\d/.test(text), 'utility changes with signs');
  await close(page);
});

test('compare: two scenarios in lockstep, the difference spelled out, C toggles it', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=8');
  await page.locator('body').press('c');
  const s = await state(page);
  eq(s.compare, 'no-war-2022', 'default counterpart');
  assert(s.url.includes('compare=no-war-2022'), 'compare in the URL');
  const diff = (await page.textContent('#readout [data-what="compare"]')) ?? '';
  assert(diff.includes('no-war-2022') && /A − B = [+−]?\d/.test(diff), `diff strip: ${diff}`);
  // What differs most, in order: the largest |A − B| among every indicator and tie, computed in Node.
  const ra = nodeRun('post-ukraine', 1, 8).recordAt(8);
  const rb = nodeRun('no-war-2022', 1, 8).recordAt(8);
  const spec = loadPreset('post-ukraine');
  assert(spec.ok, 'post-ukraine loads');
  const top = differences(ra, rb, spec.spec).slice(0, 3);
  const items = await page.locator('#readout [data-what="compare"] .diff-item').allTextContents();
  eq(items.length, 3, 'the strip lists the three largest differences');
  for (const [k, d] of top.entries())
    assert(items[k].includes(d.label), `difference ${k + 1} should be ${d.label}: ${items[k]}`);
  const alone = await open('?scenario=no-war-2022&seed=1&t=8');
  eq(s.compareHash, (await state(alone)).hash, 'B in compare equals B alone, same seed and step');
  await close(alone);
  await page.keyboard.press('ArrowRight');
  eq((await state(page)).t, 9, 'lockstep step');
  await page.locator('body').press('c');
  eq((await state(page)).compare, null, 'C toggles off');
  await close(page);
});

test('accessibility: live summary, shortcuts shown, keyboard reaches the controls, text ≥ 12 px', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=2');
  const summary = (await page.textContent('#summary')) ?? '';
  assert(summary.includes('2022Q3') && summary.includes(`step 2 of ${H}`), `summary lacks the date: ${summary}`);
  assert(/dependence on China \d/.test(summary), `summary lacks indicators: ${summary}`);
  eq(await page.getAttribute('#summary', 'aria-live'), 'polite', 'live region');
  const keys = (await page.textContent('.keys')) ?? '';
  assert(keys.includes('Space') && keys.includes('reset'), 'shortcuts shown');
  // Tab through the page: the transport, the panel and the explain chips are all reachable.
  const reached = new Set<string>();
  for (let k = 0; k < 80; k++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      return (
        el.id ||
        el.dataset.actor ||
        el.closest('[data-lever]')?.getAttribute('data-lever') ||
        el.closest('.lil-controller')?.querySelector('.lil-name')?.textContent ||
        el.tagName
      );
    });
    reached.add(id);
  }
  for (const want of ['btn-compare', 'btn-info', 't-play', 't-scrub', 't-speed', 'war', 'seed'])
    assert(reached.has(want), `Tab never reached ${want}: ${[...reached].join(', ')}`);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.offsetParent || el.closest('dialog')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!own) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) out.push(`${el.tagName}.${el.className}: ${size}px`);
    }
    return out;
  });
  eq(small.join('; '), '', 'text smaller than 12 px');
  await page.locator('body').press('i');
  await page.waitForSelector('#info[open]');
  const info = (await page.textContent('#info')) ?? '';
  for (const h of ['What it is', 'How it works', 'How to use it', 'Things to try', 'What it leaves out', 'Sources'])
    assert(info.includes(h), `Info lacks "${h}"`);
  await page.keyboard.press('Escape');
  assert(!(await page.isVisible('#info[open]')), 'Escape closes Info');
  await close(page);
});

test('switching scenario, compare (C) and importing leave exactly one label per actor, drawn as on a fresh page', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  await labelsMatchRoster(page, rosterOf('post-ukraine'), 0, 'post-ukraine');
  const picker = page.locator('.lil-controller:has(.lil-name:text-is("scenario")) select');
  await picker.selectOption('pre-2022');
  await labelsMatchRoster(page, rosterOf('pre-2022'), 0, 'after picking pre-2022');
  await page.locator('body').press('c');
  eq((await state(page)).compare, 'post-ukraine', 'C compares pre-2022 with post-ukraine');
  await labelsMatchRoster(page, rosterOf('pre-2022'), 0, 'compare on, A');
  await labelsMatchRoster(page, rosterOf('post-ukraine'), 1, 'compare on, B');
  await page.locator('body').press('c');
  await labelsMatchRoster(page, rosterOf('pre-2022'), 0, 'compare off');
  // The picture itself: the same as a page opened on pre-2022 directly (stale labels would differ).
  await page.mouse.move(2, 2);
  await page.waitForTimeout(400);
  const switched = await page.evaluate(() => window.__triangle!.pixels());
  const fresh = await open('?scenario=pre-2022&seed=1&t=0');
  await fresh.mouse.move(2, 2);
  await fresh.waitForTimeout(400);
  const direct = await fresh.evaluate(() => window.__triangle!.pixels());
  if (switched.digest !== direct.digest) {
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('#stage').screenshot({ path: join(SHOTS, 'labels-switched.png') });
    await fresh.locator('#stage').screenshot({ path: join(SHOTS, 'labels-fresh.png') });
  }
  eq(
    switched.digest,
    direct.digest,
    'the scene after switching and toggling compare differs from a fresh page (see labels-*.png)',
  );
  await close(fresh);

  // An imported scenario with an extra actor and long names: one label each, cut to fit the canvas.
  const good = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
  const mine = structuredClone(good);
  mine.id = 'long-names';
  mine.title = 'Long names';
  // Names at most 40 characters (the schema's limit), still far wider than a label's room.
  const longRu = 'Russian Federation and its Far East land';
  const longMn = 'Mongolia, the Great Steppe Federation';
  assert(longRu.length <= 40 && longMn.length <= 40, 'test names too long for the schema');
  mine.actors.find((a: { id: string }) => a.id === 'RU').name = longRu;
  mine.actors.push({
    id: 'MN',
    name: longMn,
    color: '#8899aa',
    sanctionCompliance: 0,
    asian: true,
    growth: 0.03,
    otherTrade: 15,
  });
  mine.ties['MN-RU'] = 0.4;
  mine.ties['CN-MN'] = 0.3;
  mine.weights.MN = { economy: 1, security: 1 };
  await page.setInputFiles('#file-input', {
    name: 'long.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mine)),
  });
  await page.waitForFunction(() => window.__triangle!.state().scenario === 'long-names');
  await page.waitForTimeout(300);
  const roster = mine.actors.map((a: { id: string; name: string }) => ({ id: a.id, name: a.name }));
  await labelsMatchRoster(page, roster, 0, 'imported');
  const canvas = (await page.locator('#stage canvas').boundingBox())!;
  const info = await labels(page, 0);
  for (const n of info.names) {
    if (!n.visible) continue;
    assert(
      n.box.x >= canvas.x - 1 && n.box.x + n.box.w <= canvas.x + canvas.width + 1,
      `${n.id}'s label runs off the canvas: ${JSON.stringify(n.box)}`,
    );
    assert(n.box.w <= 180, `${n.id}'s label is ${n.box.w} px wide`);
  }
  for (const id of ['RU', 'MN']) {
    const n = info.names.find((x) => x.id === id)!;
    assert(n.text.endsWith('…') && n.text.length < n.full.length, `${id}'s long name is not cut: "${n.text}"`);
    const p = (await page.evaluate((x) => window.__triangle!.node(x), id))!;
    await page.mouse.move(p.x, p.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = (await page.textContent('#tooltip')) ?? '';
    assert(tip.includes(n.full), `the tooltip lacks ${id}'s full name: ${tip}`);
  }
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'imported-long-names-1440x900.png') });
  await close(page);
});

test('export scenario (JSON) after mid-run changes: the CLI retraces the app run (pinning events)', async () => {
  const page = await open('?scenario=post-ukraine&seed=3&t=2');
  // At step 2: sanctions down (post-ukraine's 2022Q4 event would raise them), Cam Ranh up (Vietnam decides it), war down;
  // at step 6 the war changes again (a lever changed twice).
  await setLever(page, 'sanctions', 0.5);
  await setLever(page, 'vn_cam_ranh', 0.9);
  await setLever(page, 'war', 0.5);
  await scrub(page, 6);
  await setLever(page, 'war', 0.2);
  await scrub(page, H);
  const app = await state(page);
  eq(app.edits.length, 4, 'four lever changes');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#share-json')]);
  const path = join(ROOT, 'artifacts', 'exported-midrun.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, readFileSync(await dl.path(), 'utf8'));
  const file = JSON.parse(readFileSync(path, 'utf8'));
  eq(file.seed, 3, 'the file carries the seed');
  const pins = file.events.filter((e: { pin?: boolean }) => e.pin);
  assert(
    pins.some((e: { at: string; set: Record<string, number> }) => e.at === '2022Q3' && e.set.sanctions === 0.5),
    `no pinning sanctions event: ${JSON.stringify(pins)}`,
  );
  assert(
    pins.some((e: { at: string; set: Record<string, number> }) => e.at === '2023Q3' && e.set.war === 0.2),
    `no pinning war event: ${JSON.stringify(pins)}`,
  );
  await page.waitForSelector('.msg[data-id="export"]');
  const msg = (await page.textContent('.msg[data-id="export"]')) ?? '';
  assert(msg.includes('reproduces this run'), `export message: ${msg}`);
  // The exported file through the real CLI: the same ties and indicators at every step. Its hashes
  // differ from the app's, legitimately: the file's extra events have their own fired flags, which are
  // part of the hashed state. So this compares trajectories, not hashes.
  const out = JSON.parse(cli(['run', '--scenario', path, '--seed', '3', '--steps', String(H), '--format', 'json'])) as {
    trajectory: {
      t: number;
      ties: Record<string, number>;
      indicators: Record<string, number>;
      levers: Record<string, number>;
    }[];
  };
  const end = out.trajectory[H];
  eq(JSON.stringify(end.ties), JSON.stringify(app.ties), 'ties at the horizon (CLI on the exported file vs the app)');
  eq(JSON.stringify(end.indicators), JSON.stringify(app.indicators), 'indicators at the horizon');
  eq(JSON.stringify(end.levers), JSON.stringify(app.levers), 'levers at the horizon');
  // And at every step, against the app's semantics run in Node (run.setLever at each change's step).
  const r = loadPreset('post-ukraine');
  assert(r.ok, 'post-ukraine loads');
  const ref = runWithChanges(r.spec, 3, app.edits as { t: number; name: LeverName; value: number }[], H, true);
  for (let t = 0; t <= H; t++) {
    const a = ref.recordAt(t);
    const b = out.trajectory[t];
    eq(JSON.stringify(b.ties), JSON.stringify(a.ties), `ties at step ${t}`);
    eq(JSON.stringify(b.levers), JSON.stringify(a.levers), `levers at step ${t}`);
  }
  await close(page);
});

test('the footer gives the CLI command that prints the hash shown', async () => {
  const page = await open('?scenario=post-ukraine&seed=4&t=0');
  await setLever(page, 'war', 0.5);
  await scrub(page, 5);
  const hash = (await page.getAttribute('#hash', 'data-hash'))!;
  const command = (await page.getAttribute('#hash', 'data-command'))!;
  eq(await page.getAttribute('#hash', 'data-exact'), 'true', 'a preset with a change at step 0 is exact');
  eq(command, 'npm run --silent sim -- run --scenario post-ukraine --seed 4 --steps 5 --set war=0.5', 'command');
  const title = (await page.getAttribute('#hash', 'title')) ?? '';
  assert(title.includes(command) && title.includes(hash), `tooltip: ${title}`);
  const args = command.split(' ').slice(command.split(' ').indexOf('--') + 1);
  const out = JSON.parse(cli([...args, '--format', 'json'])) as { hash: string };
  eq(out.hash, hash, 'the command prints the footer hash');
  // A weight change needs the exported file; it then prints the same hash.
  const w = await open('?scenario=post-ukraine&seed=4&t=5&w=RU.autonomy:4');
  const wc = (await w.getAttribute('#hash', 'data-command'))!;
  eq(wc, 'npm run --silent sim -- run --scenario post-ukraine.json --seed 4 --steps 5', 'command with weights');
  const [dl] = await Promise.all([w.waitForEvent('download'), w.click('#share-json')]);
  const path = join(ROOT, 'artifacts', 'exported-weights.json');
  writeFileSync(path, readFileSync(await dl.path(), 'utf8'));
  const wo = JSON.parse(cli(['run', '--scenario', path, '--seed', '4', '--steps', '5', '--format', 'json'])) as {
    hash: string;
  };
  eq(wo.hash, await w.getAttribute('#hash', 'data-hash'), 'the exported file with weights prints the footer hash');
  await close(w);
  // A change after the start: --change lever=value@date replays it exactly (Run.setLever at that step).
  await scrub(page, 3);
  await setLever(page, 'sanctions', 0.4);
  await scrub(page, 5);
  eq(await page.getAttribute('#hash', 'data-exact'), 'true', 'a mid-run change on a preset is hash-exact');
  const c2 = (await page.getAttribute('#hash', 'data-command'))!;
  eq(
    c2,
    'npm run --silent sim -- run --scenario post-ukraine --seed 4 --steps 5 --set war=0.5 --change sanctions=0.4@2022Q4',
    'command',
  );
  const args2 = c2.split(' ').slice(c2.split(' ').indexOf('--') + 1);
  const out2 = JSON.parse(cli([...args2, '--format', 'json'])) as { hash: string };
  eq(out2.hash, await page.getAttribute('#hash', 'data-hash'), 'the --change command prints the footer hash');
  await close(page);
});

test('the seed field takes whole numbers 0..4294967295 only, and says what is wrong', async () => {
  const page = await open('?scenario=post-ukraine&seed=5&t=1');
  const input = page.locator('.lil-controller:has(.lil-name:text-is("seed")) input');
  for (const [typed, word] of [
    ['99999999999', 'larger than 4294967295'],
    ['-5', 'negative'],
    ['2.7', 'not a whole number'],
    ['abc', 'not a number'],
  ]) {
    await input.fill(typed);
    await input.press('Enter');
    await page.waitForTimeout(100);
    const s = await state(page);
    eq(s.seed, 5, `after typing ${typed}, the seed`);
    assert(s.url.includes('seed=5'), `URL after ${typed}: ${s.url}`);
    eq(await input.inputValue(), '5', `the field after ${typed}`);
    const msg = (await page.textContent('.msg[data-id="seed"]')) ?? '';
    assert(
      msg.includes(word) && msg.includes('4294967295') && msg.includes('stays 5'),
      `message after ${typed}: ${msg}`,
    );
  }
  await input.fill('4294967295');
  await input.press('Enter');
  await page.waitForTimeout(100);
  eq((await state(page)).seed, 4294967295, 'the largest seed');
  await page.waitForFunction(() => location.search.includes('seed=4294967295'));
  const url = page.url();
  const again = await open(new URL(url).search);
  eq((await state(again)).seed, 4294967295, 'the link carries the largest seed');
  await close(again);
  await close(page);
});

test('compare: two scenarios that do not overlap are shown side by side in time, each over its whole horizon', async () => {
  const pre = loadPreset('pre-2022');
  const post = loadPreset('post-ukraine');
  assert(pre.ok && post.ok, 'presets load');
  const last = post.spec.start + post.spec.steps - pre.spec.start;
  const page = await open('?scenario=pre-2022&seed=1&t=8&compare=post-ukraine');
  const s = await state(page);
  eq(s.horizon, pre.spec.steps, 'A keeps its whole horizon');
  eq(s.last, last, 'the timeline runs from the earlier start to the later end');
  eq(Number(await page.getAttribute('#t-scrub', 'max')), last, 'timeline length');
  eq(s.date, '2014Q1', 'the date shown');
  eq(s.compareDate, formatQuarter(post.spec.start), 'B, which starts later, holds its first quarter');
  let strip = (await page.textContent('#readout [data-what="compare"]')) ?? '';
  assert(
    /B starts later/.test(strip) && /do not overlap in time/.test(strip),
    `the strip does not say B starts later: ${strip}`,
  );
  // Where B runs, A has ended: each side says so, and B is at its own date.
  await scrub(page, last);
  const end = await state(page);
  eq(end.compareDate, formatQuarter(post.spec.start + H), "B's last quarter at the end of the timeline");
  eq(end.dateA, formatQuarter(pre.spec.start + pre.spec.steps), 'A holds its last quarter');
  eq(end.compareHash, nodeRun('post-ukraine', 1, H).hash(H), "B's state at its end is post-ukraine's, seed 1");
  strip = (await page.textContent('#readout [data-what="compare"]')) ?? '';
  assert(/A has ended/.test(strip), `the strip does not say A has ended: ${strip}`);
  // Both lines are on the charts, over their own years.
  const dep = await page.evaluate(() => window.__triangle!.chart(0));
  assert(dep?.series.includes('ru_dependence_on_cn'), 'dependence chart');
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'compare-pre2022-post-ukraine-1440x900.png') });
  // Off again: A alone, at the same date.
  await scrub(page, 20);
  const date = (await state(page)).date;
  await page.locator('body').press('c');
  const off = await state(page);
  eq(off.last, pre.spec.steps, 'timeline without compare');
  eq(off.date, date, 'the date is kept');
  await close(page);
  // Overlapping scenarios are aligned by date: post-ukraine and no-war-2022 both start in 2022Q1.
  const same = await open('?scenario=post-ukraine&seed=2&t=5&compare=no-war-2022');
  const sm = await state(same);
  eq(sm.compareDate, sm.date, 'aligned by date');
  await close(same);
  // A link comparing a scenario with itself: a message and the default counterpart.
  const self = await open('?scenario=post-ukraine&seed=1&t=2&compare=post-ukraine');
  const ss = await state(self);
  eq(ss.compare, 'no-war-2022', 'compare falls back to the counterpart');
  const msg = (await self.textContent('#messages')) ?? '';
  assert(msg.includes('itself'), `no message about comparing with itself: ${msg}`);
  const cmpSelect = self.locator('.lil-controller:has(.lil-name:text-is("compare with")) select');
  eq(await cmpSelect.inputValue(), 'no-war-2022', 'the compare dropdown shows the counterpart');
  const shown = (await self.textContent('.lil-controller:has(.lil-name:text-is("compare with")) .lil-display')) ?? '';
  eq(shown.trim(), 'no-war-2022', 'the dropdown is not blank');
  await close(self);
});

test('weights: sliders and links agree on 0..10', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=2');
  await page.click('.lil-title:has-text("Utility weights")');
  await page.click('.lil-title:has-text("Russia (RU)")');
  const input = page.locator(
    '.lil-gui .lil-title:has-text("Russia (RU)") + .lil-children .lil-controller:has(.lil-name:text-is("autonomy")) input',
  );
  await input.fill('8');
  await input.press('Enter');
  await page.waitForFunction(() => location.search.includes('RU.autonomy'));
  const s = await state(page);
  eq(s.weights.RU?.autonomy, 8, 'a typed weight of 8 is kept (not clamped to 3)');
  await input.fill('12');
  await input.press('Enter');
  await page.waitForTimeout(150);
  eq((await state(page)).weights.RU?.autonomy, 10, 'the slider stops at 10, as links do');
  await close(page);
});

test('explain: utility changes to two significant digits, signed, never a bare +0.00', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=3');
  await page.click('#side-tab-explain');
  await page.click('#explain button[data-actor="RU"]');
  const moves = (await page.textContent('#explain .moves')) ?? '';
  assert(moves.length > 0, 'no moves listed');
  const zeros = moves.match(/[+−]0\.00(?![0-9])/g);
  assert(!zeros, `parts shown as ±0.00: ${moves.slice(0, 400)}`);
  assert(/[+−]0\.00[1-9]/.test(moves), `small parts are not shown to two significant digits: ${moves.slice(0, 400)}`);
  await close(page);
});

test('keyboard focus is clearly outlined on the panel (buttons, inputs, folder titles, selects), light and dark', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await open('?scenario=post-ukraine&seed=1&t=2', { scheme });
    const seen = new Map<string, string>();
    for (let k = 0; k < 60 && seen.size < 4; k++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.closest('.panel')) return null;
        const kind = el.classList.contains('lil-title') ? 'title' : el.tagName.toLowerCase();
        // A select is drawn by its .lil-display sibling (the select itself is transparent).
        const shown = kind === 'select' ? (el.nextElementSibling as HTMLElement) : el;
        const cs = getComputedStyle(shown);
        const focus = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
        return {
          kind,
          style: cs.outlineStyle,
          width: Number.parseFloat(cs.outlineWidth),
          color: cs.outlineColor,
          focus,
        };
      });
      if (!f || seen.has(f.kind)) continue;
      assert(f.style === 'solid' && f.width >= 2, `${scheme}: focused ${f.kind} has outline ${f.style} ${f.width}px`);
      seen.set(f.kind, f.color);
    }
    for (const kind of ['button', 'input', 'title', 'select'])
      assert(seen.has(kind), `${scheme}: Tab never focused a panel ${kind} (${[...seen.keys()].join(', ')})`);
    await close(page);
  }
});

test('Info shows its words whole: every term, every thing to try, the levers, how to reproduce a hash', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  await page.locator('body').press('i');
  await page.waitForSelector('#info[open] .examples');
  const info = ((await page.textContent('#info')) ?? '').replace(/\s+/g, ' ');
  // The words are the model's (src/data/info.ts, kept by whoever changes the model); the panel must show them all.
  const plain = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  for (const t of TERMS) {
    assert(info.includes(t.name), `Info lacks the term ${t.name}`);
    assert(info.includes(plain(t.text).slice(0, 60)), `Info lacks the text of ${t.name}`);
  }
  for (const ex of EXAMPLES) assert(info.includes(`Try it: ${ex.title}`), `Info lacks the example "${ex.title}"`);
  for (const l of LEVERS) assert(info.includes(l.name), `Info lacks the lever ${l.name}`);
  assert(info.includes(plain(REPRODUCE).slice(0, 80)), 'Info lacks how to reproduce a run');
  assert(info.includes('--steps'), 'Info does not give the CLI command');
  await close(page);
});

// ---- no lost work -------------------------------------------------------------------------------

test('the mouse wheel scrolls the panel; it changes a slider only when that slider has the focus', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=2', { width: 1280, height: 720 });
  const before = (await state(page)).levers.ru_econ_policy;
  const slider = page.locator('.lil-controller[data-lever="ru_econ_policy"] .lil-slider');
  await slider.scrollIntoViewIfNeeded();
  const top0 = await page.evaluate(() => document.getElementById('panel')!.scrollTop);
  const b = (await slider.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  for (let k = 0; k < 5; k++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  const after = await state(page);
  eq(after.levers.ru_econ_policy, before, 'five notches over an unfocused slider leave the lever');
  eq(after.edits.length, 0, 'no edit');
  const top1 = await page.evaluate(() => document.getElementById('panel')!.scrollTop);
  assert(top1 > top0, `the panel did not scroll (${top0} -> ${top1})`);
  // Focused, the slider takes the wheel.
  const input = page.locator('.lil-controller[data-lever="ru_econ_policy"] input');
  await input.focus();
  const b2 = (await slider.boundingBox())!;
  await page.mouse.move(b2.x + b2.width / 2, b2.y + b2.height / 2);
  await page.mouse.wheel(0, -120);
  await page.waitForTimeout(600);
  const focused = await state(page);
  assert(focused.levers.ru_econ_policy > before, `a focused slider did not move: ${focused.levers.ru_econ_policy}`);
  eq(focused.edits.length, 1, 'one edit from the wheel');
  await close(page);
});

test('undo and redo: Ctrl+Z, Ctrl+Shift+Z and the buttons step through every change', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=4');
  assert(await page.isDisabled('#btn-undo'), 'nothing to undo at first');
  await setLever(page, 'war', 0);
  await setLever(page, 'sanctions', 0.3);
  await page.click('button:has-text("new seed (seed + 1)")');
  let s = await state(page);
  eq(s.seed, 2, 'new seed');
  eq(s.edits.length, 2, 'two edits');
  await page.locator('body').press('Control+z');
  eq((await state(page)).seed, 1, 'Ctrl+Z undoes the seed');
  await page.locator('body').press('Control+z');
  s = await state(page);
  eq(JSON.stringify(s.edits.map((e) => e.name)), '["war"]', 'Ctrl+Z undoes the sanctions change');
  await page.click('#btn-undo');
  eq((await state(page)).edits.length, 0, 'the undo button undoes the war change');
  assert(await page.isDisabled('#btn-undo'), 'back at the start');
  await page.click('#btn-redo');
  eq((await state(page)).edits.length, 1, 'the redo button');
  await page.locator('body').press('Control+Shift+Z');
  eq((await state(page)).edits.length, 2, 'Ctrl+Shift+Z redoes');
  await page.locator('body').press('Control+Shift+Z');
  s = await state(page);
  eq(s.seed, 2, 'redo again: the seed');
  assert(await page.isDisabled('#btn-redo'), 'nothing left to redo');
  await page.waitForFunction((q) => location.search === q, s.url);
  await close(page);
});

test("the browser's Back and Forward move between states (and follow undo)", async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  await page.click('button:has-text("new seed (seed + 1)")');
  await scrub(page, 5);
  await setLever(page, 'war', 0.25);
  const edited = await state(page);
  await page.waitForFunction((q) => location.search === q, edited.url);
  await page.goBack();
  await page.waitForFunction(() => (window.__triangle!.state().edits as unknown[]).length === 0);
  let s = await state(page);
  eq(s.seed, 2, 'Back: the state before the lever change');
  eq(s.t, 5, 'at the quarter it was left at');
  await page.goBack();
  await page.waitForFunction(() => window.__triangle!.state().seed === 1);
  await page.goForward();
  await page.waitForFunction(() => window.__triangle!.state().seed === 2);
  await page.goForward();
  await page.waitForFunction(() => (window.__triangle!.state().edits as unknown[]).length === 1);
  s = await state(page);
  eq(s.hash, edited.hash, 'Forward returns to the edited run');
  // Undo moves the browser too: Back after an undo goes further back, not forward.
  await page.locator('body').press('Control+z');
  await page.waitForFunction(() => (window.__triangle!.state().edits as unknown[]).length === 0);
  await page.waitForTimeout(300);
  await page.goBack();
  await page.waitForFunction(() => window.__triangle!.state().seed === 1);
  eq(page.url().includes('seed=1'), true, 'the address bar follows');
  await close(page);
});

test('editing an earlier quarter keeps the later changes, says so, and can remove them', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=8');
  await setLever(page, 'sanctions', 0.3);
  await scrub(page, 2);
  await setLever(page, 'war', 0.2);
  const s = await state(page);
  eq(
    JSON.stringify(s.edits),
    JSON.stringify([
      { t: 2, name: 'war', value: 0.2 },
      { t: 8, name: 'sanctions', value: 0.3 },
    ]),
    'both changes kept',
  );
  const msg = (await page.textContent('.msg[data-id="later"]')) ?? '';
  assert(msg.includes('still apply') && msg.includes('sanctions 0.30 from 2024Q1'), `message: ${msg}`);
  assert(s.url.includes('set=war:0.2@2,sanctions:0.3@8'), `URL: ${s.url}`);
  await page.click('.msg[data-id="later"] .act');
  eq((await state(page)).edits.length, 1, '"remove them" removes the later change');
  await page.locator('body').press('Control+z');
  eq((await state(page)).edits.length, 2, 'and undo brings it back');
  await close(page);
});

test('an import that cannot be kept (storage full) says so, and a reload never shows an older version', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Storage fills up on demand: from then on, keeping imported files fails as over the quota.
  await ctx.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.endsWith(':imports') && sessionStorage.getItem('full') === '1')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, key, value);
    };
  });
  const page = await open('?scenario=post-ukraine&seed=1&t=0', { ctx });
  const good = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
  const v1 = { ...good, id: 'mine', title: 'Mine, version 1' };
  await page.setInputFiles('#file-input', {
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(v1)),
  });
  await page.waitForFunction(() =>
    document.querySelector('.msg[data-id="import"]')?.textContent?.includes('kept in this browser'),
  );
  await page.evaluate(() => sessionStorage.setItem('full', '1'));
  const v2 = { ...good, id: 'mine', title: 'Mine, version 2' };
  await page.setInputFiles('#file-input', {
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(v2)),
  });
  await page.waitForFunction(() =>
    document.querySelector('.msg[data-id="import"]')?.textContent?.includes('for this tab only'),
  );
  eq(await page.textContent('#h-scenario'), 'Mine, version 2', 'the new version is shown now');
  const url = page.url();
  await page.reload();
  await page.waitForFunction(() => window.__triangle?.ready === true);
  const s = await state(page);
  assert(s.scenario !== 'mine', `after a reload an older version is shown under the same id (${s.scenario})`);
  const msg = (await page.textContent('#messages')) ?? '';
  assert(
    msg.includes('not kept in this browser') || msg.includes('does not hold'),
    `no message after the reload: ${msg}`,
  );
  assert(url.includes('file='), `the link names the version: ${url}`);
  await close(page);
});

test('a file with many problems gives a message of a readable size', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  const bad = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
  bad.actors = Array.from({ length: 24 }, (_, k) => ({
    id: `x${k}`,
    name: 7,
    color: 'no',
    growth: 'a',
    otherTrade: -1,
  }));
  await page.setInputFiles('#file-input', {
    name: 'many.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await page.waitForSelector('.msg.error');
  const items = await page.locator('.msg.error li').allTextContents();
  assert(items.length <= 12, `${items.length} problems listed`);
  assert(/and \d+ more/.test(items.at(-1) ?? ''), `no count of the rest: ${items.at(-1)}`);
  const head = (await page.textContent('.msg.error .body')) ?? '';
  assert(/\d{3} problems/.test(head), `the message does not give the total: ${head}`);
  await close(page);
});

// ---- the views analysts expect ------------------------------------------------------------------

test('tabs: the table (every indicator and tie per quarter, sortable, downloadable) and the sources', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=3');
  await page.click('#tab-table');
  await page.waitForSelector('#panel-table table.data');
  const s = await state(page);
  eq(s.tab, 'table', 'tab in the state');
  assert(s.url.includes('tab=table'), `tab in the link: ${s.url}`);
  eq(await page.locator('#panel-table tbody tr').count(), H + 1, 'one row per quarter');
  const heads = await page
    .locator('#panel-table thead button')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sort));
  for (const k of [...Object.keys(s.indicators), ...Object.keys(s.ties)]) assert(heads.includes(k), `no column ${k}`);
  eq(await page.locator('#panel-table tbody tr.now').getAttribute('data-t'), '3', 'the quarter shown is highlighted');
  await page.click('#panel-table thead button[data-sort="ru_dependence_on_cn"]');
  await page.click('#panel-table thead button[data-sort="ru_dependence_on_cn"]');
  const k = heads.indexOf('ru_dependence_on_cn');
  const col = await page.locator(`#panel-table tbody tr td:nth-child(${k + 1})`).allTextContents();
  const nums = col.map((x) => Number(x.replace('\u2212', '-')));
  eq(JSON.stringify(nums), JSON.stringify([...nums].sort((a, b) => b - a)), 'sorted, largest first');
  await page.locator('#panel-table tbody tr').nth(2).click();
  const picked = await state(page);
  eq(
    picked.t,
    Number(await page.locator('#panel-table tbody tr').nth(2).getAttribute('data-t')),
    'a row click jumps there',
  );
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#table-csv')]);
  const mine = readFileSync(await dl.path(), 'utf8');
  const theirs = cli(['run', '--scenario', 'post-ukraine', '--seed', '1', '--steps', String(H), '--format', 'csv']);
  eq(mine, theirs, 'the downloaded table is the CLI run, byte for byte');
  const again = await open(`?scenario=post-ukraine&seed=1&t=3&tab=table`);
  assert(await again.isVisible('#panel-table table.data'), 'a link opens the table');
  await close(again);
  await page.click('#tab-sources');
  await page.waitForSelector('#panel-sources .sources');
  const src = ((await page.textContent('#panel-sources')) ?? '').replace(/\s+/g, ' ');
  for (const words of [
    'Stephen Blank and Younkyoo Kim',
    "Rethinking Russo-Chinese Relations in Asia: Beyond Russia's Chinese Dilemma",
    'China: An International Journal',
    'Lowell Dittmer (1981)',
    'The Strategic Triangle: An Elementary Game-Theoretical Analysis',
    'Bailey, Strezhnev and Voeten',
  ])
    assert(src.includes(words), `Sources lack "${words}"`);
  const files = await page
    .locator('#panel-sources tr[data-file]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.file));
  // Every data series of shared/data (read from the folder when it is there, else the list the app carries).
  const shared = '/work/shared/data';
  if (existsSync(shared)) {
    const onDisk = [
      ...readdirSync(shared).filter((f) => /\.(csv|md)$/.test(f)),
      ...readdirSync(join(shared, 'series'))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => `series/${f}`),
    ];
    for (const f of onDisk) assert(files.includes(f), `Sources lack the data series ${f}`);
  }
  assert(files.length >= 10, `only ${files.length} data series listed`);
  await close(page);
});

test('charts: fixed labelled axes that keep the record, a key, hover read-outs, real events marked', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  const before = (await page.evaluate(() => window.__triangle!.chart(0)))!;
  assert(before.series.includes('ru_dependence_on_cn'), 'the first chart is dependence');
  const observed2023 = 0.338;
  assert(
    before.range[0] === 0 && before.range[1] >= observed2023,
    `the axis leaves out the 2023 record: ${before.range}`,
  );
  await setLever(page, 'sanctions', 0);
  await setLever(page, 'war', 0);
  const after = (await page.evaluate(() => window.__triangle!.chart(0)))!;
  eq(JSON.stringify(after.range), JSON.stringify(before.range), 'the axis does not rescale after the edit');
  const axes: string[] = [];
  for (let k = 0; k < 4; k++) axes.push(...((await page.evaluate((i) => window.__triangle!.chart(i), k))?.axes ?? []));
  for (const label of ['share of trade', 'index, 0–1', 'tie, −1 to 1'])
    assert(axes.includes(label), `no axis label "${label}": ${axes}`);
  const key = (await page.textContent('#panel-chart .legend')) ?? '';
  for (const words of ['this run', 'observed record', 'real events', 'without your changes'])
    assert(key.includes(words), `the key lacks "${words}": ${key}`);
  // Hover: the date and the values under the cursor.
  const over = page.locator('#panel-chart .chart').first().locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
  await page.waitForTimeout(150);
  const head = page.locator('#panel-chart .chart').first().locator('figcaption');
  const date = (await head.getAttribute('data-date')) ?? '';
  assert(/^20\d\dQ[1-4]$/.test(date) && date !== '2022Q1', `the read-out does not follow the cursor: ${date}`);
  const text = (await head.textContent()) ?? '';
  assert(text.includes(date) && /RU on CN\s*[\d.]+/.test(text), `the read-out lacks the values: ${text}`);
  await page.mouse.move(2, 2);
  // Real events: on the timeline (a click goes there) and on the charts.
  const marks = await page
    .locator('#t-marks .mark')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.date));
  eq(JSON.stringify(marks), JSON.stringify(['2022Q1', '2022Q4']), 'post-ukraine: the invasion and the embargo');
  await page.click('#t-marks .mark[data-date="2022Q4"]');
  eq((await state(page)).date, '2022Q4', 'a mark takes the timeline to its quarter');
  eq(after.events, 2, 'both marked on the charts');
  await close(page);
  const pre = await open('?scenario=pre-2022&seed=1&t=0');
  const premarks = await pre
    .locator('#t-marks .mark')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.date));
  eq(
    JSON.stringify(premarks),
    JSON.stringify(['2014Q1', '2016Q2', '2019Q4']),
    'pre-2022: Crimea, Sochi, Power of Siberia',
  );
  eq((await pre.evaluate(() => window.__triangle!.chart(0)))!.events, 3, 'and on its charts');
  await close(pre);
});

// ---- cause and effect -----------------------------------------------------------------------------

test('after an edit: the ghost of the unedited run and a "what changed" read-out in words', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=0');
  assert(!(await state(page)).ghost, 'no ghost before an edit');
  assert(!(await page.isVisible('#readout [data-what="changed"]')), 'no read-out before an edit');
  const plain = await page.evaluate(() => window.__triangle!.bandPixels(0));
  await setLever(page, 'sanctions', 0);
  const s = await state(page);
  assert(s.ghost, 'a ghost after the edit');
  assert((await page.evaluate(() => window.__triangle!.chart(0)))!.ghost, 'the charts draw it');
  const text = (await page.textContent('#readout [data-what="changed"]')) ?? '';
  const r = loadPreset('post-ukraine');
  assert(r.ok, 'post-ukraine loads');
  const cache = new RunCache();
  const a = cache.get('post-ukraine', r, 1, [{ t: 0, name: 'sanctions', value: 0 }], {});
  const g = cache.get('post-ukraine', r, 1, [], {});
  const expected = whatChanged(a.records[H], g.records[H], r.spec);
  assert(text.includes(expected.text), `read-out "${text}" is not "${expected.text}"`);
  assert(expected.items.length > 0, 'sanctions to 0 changes something');
  void plain;
  await page.click('#readout [data-what="changed"] button');
  eq((await state(page)).edits.length, 0, 'its undo link undoes');
  await close(page);
});

test('a lever says when a scheduled event will no longer move it (tooltip and a line always in view)', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=1');
  const note = page.locator('[data-lever-note="sanctions"]');
  let text = (await note.textContent()) ?? '';
  assert(
    text.includes('Scheduled') && text.includes('EU crude embargo and G7 price cap') && text.includes('2022Q4'),
    `before: ${text}`,
  );
  await setLever(page, 'sanctions', 0.5);
  text = (await note.textContent()) ?? '';
  assert(text.includes('stops') && text.includes('2022Q4'), `after the change: ${text}`);
  const title = (await page.getAttribute('.lil-controller[data-lever="sanctions"]', 'title')) ?? '';
  assert(title.includes('stops'), `tooltip: ${title}`);
  const changes = (await page.textContent('#changes')) ?? '';
  assert(changes.includes('no longer moves'), `changes list: ${changes}`);
  // A decision lever: its actor's own choices stop too.
  await setLever(page, 'vn_cam_ranh', 0.1);
  const vn = (await page.textContent('[data-lever-note="vn_cam_ranh"]')) ?? '';
  assert(vn.includes('Vietnam') && vn.includes('no longer move'), `decision lever: ${vn}`);
  await close(page);
});

test('explain follows the scene clicked, B included, and says "probability"', async () => {
  const page = await open('?scenario=post-ukraine&seed=1&t=4&compare=no-war-2022');
  const p = (await page.evaluate(() => window.__triangle!.node('RU', 1)))!;
  await page.mouse.click(p.x, p.y);
  const s = await state(page);
  eq(JSON.stringify(s.selected), JSON.stringify({ scene: 1, actor: 'RU' }), 'scene B selected');
  eq(s.side, 'explain', 'the explain tab opens');
  const text = (await page.textContent('#explain')) ?? '';
  assert(text.includes('Scene B · no-war-2022'), `explain does not say it is B: ${text.slice(0, 200)}`);
  assert(/probability \d/.test(text) && !/\bp \d/.test(text), `"probability", not "p": ${text.slice(0, 400)}`);
  const rb = nodeRun('no-war-2022', 1, 4).recordAt(4);
  const u = rb.utility.RU.total;
  assert(text.includes(`utility ${fmt(u)}`), `explain shows A's utility, not B's (${fmt(u)})`);
  await close(page);
});

test('"Things to try" are buttons that set the example up (and undo goes back)', async () => {
  const page = await open('?scenario=pre-2022&seed=3&t=5');
  await page.click('#btn-info');
  await page.waitForSelector('#info[open] button.try');
  const n = await page.locator('#info button.try').count();
  eq(n, EXAMPLES.length, 'one button per example');
  await page.locator('#info button.try').first().click();
  await page.waitForFunction(() => !document.querySelector('#info[open]'));
  const s = await state(page);
  const first = EXAMPLES[0].setup;
  eq(s.scenario, first.scenario, 'the example scenario');
  eq(
    JSON.stringify(s.edits.map((e) => [e.name, e.value])),
    JSON.stringify((first.set ?? []).map((x) => [x.lever, x.value])),
    'its levers',
  );
  eq(s.t, s.last, 'shown at the end');
  await page.locator('body').press('Control+z');
  const back = await state(page);
  eq(`${back.scenario} ${back.seed} ${back.t}`, 'pre-2022 3 5', 'undo returns to where the user was');
  await close(page);
});

// ---- sharing, report, print ---------------------------------------------------------------------------

test('save as report: a PNG of the whole view and a printable page with title, scenario, seed, changes, date and hash', async () => {
  const page = await open('?scenario=post-ukraine&seed=4&t=6&set=war:0.5@0&w=RU.autonomy:3');
  await page.click('#btn-report');
  await page.waitForSelector('#report-menu:not([hidden])');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#report-menu button:has-text("PNG")')]);
  const buf = readFileSync(await png.path());
  eq(buf.subarray(1, 4).toString(), 'PNG', 'PNG signature');
  const w = buf.readUInt32BE(16);
  const h = buf.readUInt32BE(20);
  assert(w === 1600 && h > 1000, `the report picture is ${w}×${h}`);
  // PDF: the print dialog gets a report page; print() is replaced so the test can see it was asked for.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.click('#btn-report');
  await page.click('#report-menu button:has-text("PDF")');
  await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
  const s = await state(page);
  const report = ((await page.textContent('#report')) ?? '').replace(/\s+/g, ' ');
  for (const words of [
    'Strategic triangle',
    'post-ukraine',
    'Seed 4',
    s.dateA,
    s.hash,
    'war set to 0.50 from 2022Q1',
    'autonomy weight 3',
    '--seed 4',
  ])
    assert(report.includes(words), `the report lacks "${words}"`);
  await page.emulateMedia({ media: 'print' });
  assert(!(await page.isVisible('#app')), 'the app is not printed');
  assert(await page.isVisible('#report h1'), 'the report is');
  const imgs = await page.locator('#report img').count();
  assert(imgs >= 5, `the report has ${imgs} pictures (scene and charts)`);
  const pdf = await page.pdf({ format: 'A4' });
  assert(pdf.length > 20000 && pdf.subarray(0, 4).toString() === '%PDF', `PDF of ${pdf.length} bytes`);
  await page.emulateMedia({ media: 'screen' });
  await close(page);
});

// ---- security and faults ------------------------------------------------------------------------------

test('the Content-Security-Policy is sent and set, and the app runs under it (worker included)', async () => {
  const res = await fetch(`${base}/`);
  eq(res.headers.get('content-security-policy'), CSP, 'the preview sends the policy');
  const html = await res.text();
  assert(html.includes(`content="${CSP}"`), 'index.html carries it');
  assert(!/unsafe-eval|unsafe-inline/.test(CSP), 'no unsafe-eval, no unsafe-inline');
  const page = await open('?scenario=post-ukraine&seed=1&t=4');
  const b = await bandReady(page);
  assert(b.hashMatches, 'the worker ran under the policy');
  const px = await page.evaluate(() => window.__triangle!.pixels());
  assert(px.nonBackground > 5000, 'the scene is drawn under the policy');
  await page.click('#btn-info');
  await page.waitForSelector('#info[open] .examples');
  await page.keyboard.press('Escape');
  await close(page);
});

test('the dev server (npm start) sends its policy too, and the app runs under it', async () => {
  const port = await freePort();
  const dev = spawn(
    join(ROOT, 'node_modules/.bin/vite'),
    ['--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitHttp(`${url}/`, 60000);
    const res = await fetch(`${url}/`);
    eq(res.headers.get('content-security-policy'), DEV_CSP, 'the dev server sends the dev policy');
    const html = await res.text();
    assert(html.includes(`content="${DEV_CSP}"`), "the page's meta carries the same dev policy");
    assert(!DEV_CSP.includes('unsafe-eval'), 'no eval in development either');
    const page = await open('?scenario=post-ukraine&seed=1&t=2', { base: url });
    const px = await page.evaluate(() => window.__triangle!.pixels());
    assert(px.nonBackground > 5000, 'the scene is drawn on the dev server');
    // The dev server bundles on first request; anything it logs as an error besides a violation counts.
    errors.set(
      page,
      (errors.get(page) ?? []).filter((e) => !/\[vite\]/.test(e)),
    );
    await close(page);
  } finally {
    dev.kill();
  }
});

test('a worker that fails is restarted, with a message, and its work is done', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  let failed = 0;
  await ctx.route(/\/assets\/webWorker-[^/]+\.js$/, (route) => {
    if (failed++ === 0) return route.fulfill({ status: 404, body: 'gone after a redeploy' });
    return route.continue();
  });
  const page = await open('?scenario=post-ukraine&seed=1&t=2', { ctx });
  await page.waitForSelector('.msg[data-id="worker"]', { state: 'attached', timeout: 15000 });
  const msg = (await page.textContent('.msg[data-id="worker"]')) ?? '';
  assert(msg.includes('restarted'), `message: ${msg}`);
  const b = await bandReady(page);
  assert(b.hashMatches, 'the restarted worker computed the band');
  // The pool starts one worker per core; the one that failed was replaced once.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  eq(await page.evaluate(() => window.__triangle!.workersStarted()), cores + 1, 'one restart');
  // The failed load is a console error of the page; that one is expected.
  errors.set(
    page,
    (errors.get(page) ?? []).filter((e) => !/404|Failed to load|worker/i.test(e)),
  );
  await close(page);
});

const SIZES: readonly [number, number][] = [
  [1440, 900],
  [1280, 720],
  [1024, 768],
  [390, 844],
];

/** Everything that must not overlap or spill at a size, by bounding boxes (run in the page). */
function layoutProblems(): string[] {
  const out: string[] = [];
  const phone = innerWidth < 760;
  const de = document.documentElement;
  if (!phone && de.scrollHeight > innerHeight + 1)
    out.push(`page scrolls vertically (${de.scrollHeight} > ${innerHeight})`);
  if (de.scrollWidth > innerWidth + 1) out.push(`page scrolls horizontally (${de.scrollWidth} > ${innerWidth})`);
  const box = (el: Element) => el.getBoundingClientRect();
  const shown = (el: Element | null): el is HTMLElement =>
    !!el &&
    (el as HTMLElement).offsetParent !== null &&
    getComputedStyle(el).visibility !== 'hidden' &&
    box(el).width > 0;
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const regions = ['#top', '#stage-wrap', '#readout', '#views', '#transport', ...(phone ? [] : ['#side'])]
    .map((q) => [q, document.querySelector(q)] as const)
    .filter((x): x is readonly [string, HTMLElement] => shown(x[1]));
  for (let i = 0; i < regions.length; i++)
    for (let j = i + 1; j < regions.length; j++)
      if (overlap(box(regions[i][1]), box(regions[j][1]))) out.push(`${regions[i][0]} overlaps ${regions[j][0]}`);
  // Items of a bar stay inside it and do not overlap each other; nothing covers a button.
  for (const bar of ['#top', '#transport', '#share', '.tools', '.tabbar', '.legend']) {
    const host = document.querySelector(bar);
    if (!shown(host)) continue;
    const r = box(host);
    const items = [...host.children].filter(shown);
    for (const el of items) {
      const b = box(el);
      if (b.right > r.right + 1 || b.left < r.left - 1 || b.bottom > r.bottom + 1 || b.top < r.top - 1)
        out.push(`${bar}: ${el.id || el.className || el.tagName} spills out`);
    }
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++)
        if (overlap(box(items[i]), box(items[j])))
          out.push(`${bar}: ${items[i].id || items[i].className} overlaps ${items[j].id || items[j].className}`);
  }
  for (const el of document.querySelectorAll<HTMLElement>(
    '#top button, #transport button, #transport select, #share button, .tabbar button',
  )) {
    if (!shown(el)) continue;
    const b = box(el);
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    if (b.bottom > innerHeight || b.right > innerWidth) {
      if (!phone) out.push(`${el.id || el.textContent} is off screen`);
    } else if (!hit || !(el === hit || el.contains(hit)))
      out.push(`${el.id || el.textContent} is covered by ${(hit as HTMLElement | null)?.id || hit?.className}`);
  }
  for (const id of ['h-date']) {
    const el = document.getElementById(id);
    if (el && el.scrollWidth > el.clientWidth + 1) out.push(`#${id} is cut off`);
  }
  // The charts: each big enough, none over another, captions inside their chart.
  const charts = [...document.querySelectorAll<HTMLElement>('#panel-chart .chart')].filter(shown);
  for (let i = 0; i < charts.length; i++) {
    const b = box(charts[i]);
    const plot = charts[i].querySelector('.plot');
    if (plot && box(plot).height < 80) out.push(`chart ${i} plot is ${box(plot).height}px high`);
    if (b.width < (phone ? 330 : 200)) out.push(`chart ${i} is ${b.width}px wide`);
    for (let j = i + 1; j < charts.length; j++)
      if (overlap(b, box(charts[j]))) out.push(`chart ${i} overlaps chart ${j}`);
    const cap = charts[i].querySelector('figcaption');
    if (cap && box(cap).right > b.right + 1) out.push(`chart ${i} caption spills`);
    const canvas = charts[i].querySelector('.uplot');
    if (canvas) {
      const c = box(canvas);
      if (c.bottom > b.bottom + 1 || c.right > b.right + 1)
        out.push(`chart ${i}'s plot runs out of its cell (${c.bottom} > ${b.bottom})`);
    }
  }
  const stage = box(document.getElementById('stage')!);
  if (stage.width < (phone ? 350 : 500) || stage.height < (phone ? 280 : 250))
    out.push(`scene is ${stage.width}×${stage.height}`);
  // Event labels under the timeline do not overlap each other.
  const marks = [...document.querySelectorAll<HTMLElement>('#t-marks .mark:not(.tick-only)')].filter(shown);
  for (let i = 0; i < marks.length; i++)
    for (let j = i + 1; j < marks.length; j++)
      if (overlap(box(marks[i]), box(marks[j])))
        out.push(`timeline marks ${marks[i].textContent} and ${marks[j].textContent} overlap`);
  if (phone) {
    const side = document.getElementById('side')!;
    if (shown(side) && box(side).left < innerWidth) out.push('the drawer is open on load');
  }
  return out;
}

test('layout: nothing overflows or overlaps at 1440×900, 1280×720, 1024×768 and 390×844, light and dark (screenshots)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const view of ['main', 'compare', 'edited'] as const) {
        const q =
          view === 'main'
            ? '?scenario=post-ukraine&seed=1&t=6'
            : view === 'compare'
              ? '?scenario=post-ukraine&seed=1&t=8&compare=no-war-2022'
              : '?scenario=pre-2022&seed=1&t=20&set=sanctions:0@4,war:0.5@12';
        const page = await open(q, { width: w, height: h, scheme });
        await bandReady(page);
        await page.mouse.move(1, 1);
        await page.waitForTimeout(300);
        const problems = await page.evaluate(layoutProblems);
        await page.screenshot({ path: join(SHOTS, `${view}-${w}x${h}-${scheme}.png`), fullPage: w < 760 });
        eq(problems.join('; '), '', `layout at ${w}×${h} ${scheme} ${view}`);
        if (w < 760 && view === 'main') {
          // The controls live in a drawer: it opens over the page, fully on screen, and closes.
          await page.click('#btn-controls');
          await page.waitForTimeout(350);
          const side = (await page.locator('#side').boundingBox())!;
          assert(side.x >= 0 && side.x + side.width <= w + 1, `drawer off screen: ${JSON.stringify(side)}`);
          assert(await page.isVisible('#panel .lil-controller[data-lever="war"]'), 'the levers are in the drawer');
          await page.screenshot({ path: join(SHOTS, `drawer-${w}x${h}-${scheme}.png`) });
          await page.click('#side-close');
          await page.waitForTimeout(350);
          eq((await state(page)).drawer, false, 'the drawer closes');
        }
        await close(page);
      }
    }
  }
});

test('charts that do not fit the visible rows are named in the key, and one click shows them', async () => {
  // 1280×720: four charts in a row; the configurations and the scenario's own indicators lie below.
  const page = await open('?scenario=post-ukraine&seed=1&t=6', { width: 1280, height: 720 });
  await bandReady(page);
  const more = page.locator('#panel-chart .more-charts');
  assert(await more.isVisible(), 'no cue for the charts below the visible row');
  const text = (await more.textContent()) ?? '';
  const hidden = await page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('#panel-chart .chart-grid')!;
    const bottom = grid.getBoundingClientRect().bottom;
    return [...grid.querySelectorAll<HTMLElement>('.chart')]
      .filter((c) => c.getBoundingClientRect().top >= bottom - 4)
      .map((c) => c.querySelector('.t')?.firstChild?.textContent ?? '');
  });
  assert(hidden.length > 0, 'at 1280×720 every chart fits: the test no longer tests the cue');
  for (const name of hidden) assert(text.includes(name), `the cue "${text}" does not name "${name}"`);
  await more.click();
  await page.waitForTimeout(800);
  const shownNow = await page.evaluate((names) => {
    const grid = document.querySelector<HTMLElement>('#panel-chart .chart-grid')!;
    const g = grid.getBoundingClientRect();
    return [...grid.querySelectorAll<HTMLElement>('.chart')]
      .filter((c) => names.includes(c.querySelector('.t')?.firstChild?.textContent ?? ''))
      .every((c) => {
        const b = c.getBoundingClientRect();
        return b.top >= g.top - 1 && b.top < g.bottom - 40;
      });
  }, hidden);
  assert(shownNow, 'after the click the charts named are not in view');
  assert(/back/.test((await more.textContent()) ?? ''), `no way back to the first charts: ${await more.textContent()}`);
  // A 1440×900 screen holds all five in one row: no cue.
  const wide = await open('?scenario=post-ukraine&seed=1&t=6', { width: 1440, height: 900 });
  await bandReady(wide);
  assert(!(await wide.locator('#panel-chart .more-charts').isVisible()), 'a cue where every chart is in view');
  await close(wide);
  await close(page);
});

test('performance: median frame time while playing at full speed', async () => {
  const page = await open('?scenario=pre-2022&seed=1&t=0');
  await page.selectOption('#t-speed', 'max');
  for (let k = 0; k < 4; k++) {
    await page.click('#t-play');
    await page.waitForFunction(() => !window.__triangle!.state().playing, null, { timeout: 20000 });
  }
  const { frames, work } = await page.evaluate(() => ({
    frames: [...window.__triangle!.frames],
    work: [...window.__triangle!.work],
  }));
  assert(frames.length > 50, `too few frames: ${frames.length}`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  metrics['median frame interval while playing at max speed (ms)'] = median(frames).toFixed(1);
  metrics['median work per frame while playing (ms)'] = median(work).toFixed(2);
  metrics['frames measured'] = String(frames.length);
  await close(page);
});

// ---- the Analysis tab (sensitivity on the browser pool, the claims map) ---------------------------------

async function openAnalysis(opts: { width?: number; height?: number; scheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await open('?scenario=post-ukraine&seed=1&tab=analysis', opts);
  await page.waitForSelector('#panel-analysis .an-form', { timeout: 20000 });
  return page;
}

async function runStudyIn(page: Page, f: StudyForm): Promise<void> {
  await page.selectOption('#panel-analysis select[aria-label="Indicator"]', f.indicator);
  await page.selectOption('#panel-analysis select[aria-label="Method"]', f.method);
  if (f.method !== 'oat') await page.fill('#panel-analysis input[aria-label="Sample size"]', f.samples);
  await page.fill('#panel-analysis input[aria-label="Seeds per point"]', f.seeds);
  await page.click('#panel-analysis button.an-run');
}

async function studyDone(page: Page, timeout = 120000): Promise<number> {
  await page.waitForSelector('#panel-analysis .an-sens[data-status="ready"]', { state: 'attached', timeout });
  return Number(await page.getAttribute('#panel-analysis .an-sens', 'data-ms'));
}

/** The inputs' numbers as the page shows them in its table (each cell's exact value in data-v). */
const studyCells = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#panel-analysis .an-inputs tbody tr')].map((tr) => ({
      input: tr.dataset.input,
      cells: [...tr.querySelectorAll<HTMLElement>('td[data-col]')].map((td) => [td.dataset.col, td.dataset.v]),
    })),
  );

function nodeCells(f: StudyForm): { command: string; rows: { input: string; cells: [string, string][] }[] } {
  const r = loadPreset('post-ukraine');
  if (!r.ok) throw new Error(r.errors.join('; '));
  const q = readStudyForm(r.spec, 'post-ukraine', f);
  if (!q.ok) throw new Error(q.message);
  const res = runStudy(r.spec, q.request.plan);
  return {
    command: q.request.command,
    rows: res.inputs.map((i) => ({
      input: i.name,
      cells: studyColumns(f.method).map(([c, fn]) => [c, String(fn(i))] as [string, string]),
    })),
  };
}

for (const f of [
  { indicator: 'CN-RU', method: 'sobol', samples: '4', seeds: '2' },
  { indicator: 'ru_dependence_on_cn', method: 'morris', samples: '2', seeds: '2' },
  { indicator: 'CN-RU', method: 'oat', samples: '', seeds: '2' },
] as StudyForm[]) {
  test(`analysis: a ${f.method} study runs on the worker pool with a progress bar, and its numbers equal Node's`, async () => {
    const page = await openAnalysis();
    await runStudyIn(page, f);
    // The progress bar shows while it runs, and moves.
    await page.waitForSelector('#panel-analysis .an-progress:not([hidden]) progress', { timeout: 10000 });
    const ms = await studyDone(page);
    const updates = Number(await page.getAttribute('#panel-analysis .an-sens', 'data-progress-updates'));
    assert(updates >= 2, `the progress bar was drawn ${updates} times while the study ran`);
    metrics[`sensitivity study in the browser, ${f.method} N=${f.samples || '-'} seeds=${f.seeds} (ms)`] = String(ms);
    const node = nodeCells(f);
    eq(
      JSON.stringify(await studyCells(page)),
      JSON.stringify(node.rows),
      `${f.method}: the page's numbers equal Node's`,
    );
    const cli = (await page.textContent('#panel-analysis .an-cli code')) ?? '';
    eq(cli, node.command, 'the CLI command shown');
    // Labelled: a title, a legend and an axis label, one row per input shown.
    const chart = await page.evaluate(() => ({
      title: document.querySelector('#panel-analysis .an-figure figcaption b')?.textContent ?? '',
      legend: document.querySelectorAll('#panel-analysis .an-legend > span').length,
      axis: document.querySelector('#panel-analysis .an-svg .axis-label')?.textContent ?? '',
      rows: document.querySelectorAll('#panel-analysis .an-svg .row').length,
    }));
    assert(chart.title.length > 10 && chart.legend >= 2 && chart.axis !== '', `chart labels: ${JSON.stringify(chart)}`);
    eq(chart.rows, 15, 'the chart draws the 15 most influential inputs');
    await close(page);
  });
}

test('analysis: a new study supersedes the one running, and Cancel stops one', async () => {
  const page = await openAnalysis();
  await runStudyIn(page, { indicator: 'CN-RU', method: 'sobol', samples: '32', seeds: '8' });
  await page.waitForSelector('#panel-analysis .an-sens[data-status="pending"]', { state: 'attached' });
  // A second request before the first is done: only its result is shown.
  const f: StudyForm = { indicator: 'ru_autonomy', method: 'oat', samples: '', seeds: '1' };
  await runStudyIn(page, f);
  await studyDone(page, 60000);
  const node = nodeCells(f);
  eq(JSON.stringify(await studyCells(page)), JSON.stringify(node.rows), 'the newer study is the one shown');
  await page.waitForTimeout(500);
  eq((await studyCells(page)).length, node.rows.length, 'nothing older overwrote it');
  // Cancel: the status says so and the last finished study stays.
  await runStudyIn(page, { indicator: 'CN-RU', method: 'sobol', samples: '32', seeds: '8' });
  await page.waitForSelector('#panel-analysis .an-sens[data-status="stale"]', { state: 'attached' });
  await page.click('#panel-analysis button:text-is("Cancel")');
  await page.waitForSelector('#panel-analysis .an-sens[data-status="error"]', { state: 'attached' });
  const status = (await page.textContent('#panel-analysis .an-status')) ?? '';
  assert(/Cancelled/.test(status), `status after Cancel: ${status}`);
  eq(JSON.stringify(await studyCells(page)), JSON.stringify(node.rows), 'the last finished study stays after Cancel');
  await close(page);
});

test('analysis: bad input gets one clear message and runs nothing', async () => {
  const page = await openAnalysis();
  for (const [f, want] of [
    [
      { indicator: 'CN-RU', method: 'sobol', samples: '0', seeds: '8' },
      /sample size .*from 2 to 4,096 \(you gave "0"\)/,
    ],
    [
      { indicator: 'CN-RU', method: 'morris', samples: '99999999', seeds: '8' },
      /from 2 to 1,000 \(you gave "99999999"\)/,
    ],
    [
      { indicator: 'CN-RU', method: 'sobol', samples: '4096', seeds: '100' },
      /the app runs up to 20,000.*--samples 4096/,
    ],
    [{ indicator: 'CN-RU', method: 'oat', samples: '', seeds: 'x' }, /Seeds per point must be a whole number/],
  ] as [StudyForm, RegExp][]) {
    await runStudyIn(page, f);
    const alerts = await page.$$eval('#panel-analysis [role="alert"]', (els) =>
      els.map((e) => e.textContent ?? '').filter((t) => t !== ''),
    );
    eq(alerts.length, 1, `one message for ${JSON.stringify(f)}: ${alerts.join(' | ')}`);
    assert(want.test(alerts[0]), `message for ${JSON.stringify(f)}: ${alerts[0]}`);
    eq(await page.getAttribute('#panel-analysis .an-sens', 'data-status'), 'idle', 'nothing runs');
  }
  // Corrected input clears the message.
  await runStudyIn(page, { indicator: 'CN-RU', method: 'oat', samples: '', seeds: '1' });
  await studyDone(page);
  eq((await page.textContent('#panel-analysis .an-problem')) ?? '', '', 'the message goes once the input is good');
  await close(page);
});

test('analysis: the claims map shows every claim with its share and deciding parameters', async () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'src/data/claims-map.json'), 'utf8')) as ClaimsMapFile;
  const page = await openAnalysis();
  await page.click('#panel-analysis .an-switch button[data-view="claims"]');
  await page.waitForSelector('#panel-analysis .an-claims-table tbody tr', { timeout: 20000 });
  const rows = await page.$$eval('#panel-analysis .an-claims-table tbody tr', (trs) =>
    trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.claim,
      share: (tr as HTMLElement).dataset.share,
      shareText: tr.querySelector('.an-share')?.textContent ?? '',
      params: [...tr.querySelectorAll<HTMLElement>('li[data-param]')].map((li) => li.dataset.param),
      deciding: tr.querySelector('.an-deciding')?.textContent ?? '',
    })),
  );
  eq(rows.map((r) => r.id).join(','), MAP_CLAIMS.join(','), 'every claim, in order');
  for (const c of file.result.claims) {
    const row = rows.find((r) => r.id === c.id)!;
    eq(row.share, String(c.share), `${c.id}'s share`);
    assert(row.shareText.includes(`${Math.round(100 * c.share)}%`), `${c.id} shows its share: ${row.shareText}`);
    if (c.share > 0 && c.share < 1)
      eq(
        row.params.join(','),
        c.parameters
          .slice(0, 3)
          .map((p) => p.name)
          .join(','),
        `${c.id}'s deciding parameters`,
      );
    else assert(/holds at (every|no) point/.test(row.deciding), `${c.id}: ${row.deciding}`);
  }
  const cli = (
    await page.$$eval('#panel-analysis .an-claims .an-cli code', (els) => els.map((e) => e.textContent))
  ).join(' ');
  assert(
    cli.includes('npm run claims-map:data') &&
      cli.includes(`--samples ${file.plan.samples} --seeds ${file.plan.seeds}`),
    cli,
  );
  const note = (await page.textContent('#panel-analysis .an-claims .an-cli')) ?? '';
  assert(note.includes(file.fingerprint.digest), `the model fingerprint is shown: ${note}`);
  await close(page);
});

/** The Analysis tab's own parts: inside the panel, nothing wider than it, form items apart. */
function analysisProblems(): string[] {
  const out: string[] = [];
  const panel = document.getElementById('panel-analysis')!;
  const p = panel.getBoundingClientRect();
  if (panel.scrollWidth > panel.clientWidth + 1)
    out.push(`the analysis panel scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`);
  const shown = (el: Element) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().width > 0;
  const items = [...panel.querySelectorAll('.an-form > *, .an-buttons > *')].filter(shown);
  const r = (el: Element) => el.getBoundingClientRect();
  for (let i = 0; i < items.length; i++) {
    const a = r(items[i]);
    if (a.left < p.left - 1 || a.right > p.right + 1) out.push(`form item ${i} spills out of the panel`);
    for (let j = i + 1; j < items.length; j++) {
      const b = r(items[j]);
      if (items[i].contains(items[j]) || items[j].contains(items[i])) continue;
      if (
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
      )
        out.push(`form items ${i} and ${j} overlap`);
    }
  }
  for (const svg of panel.querySelectorAll('svg.an-svg')) {
    if (!shown(svg)) continue;
    if (r(svg).right > p.right + 1) out.push('a chart runs out of the panel');
    const labels = [...svg.querySelectorAll('text.label')].map(r);
    for (let i = 1; i < labels.length; i++)
      if (labels[i].top < labels[i - 1].bottom - 1) out.push(`chart labels ${i - 1} and ${i} overlap`);
  }
  return out;
}

test('layout: the Analysis tab at 1440×900, 1280×720, 1024×768 and 390×844, light and dark (screenshots)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openAnalysis({ width: w, height: h, scheme });
      const methods: StudyForm[] =
        w === 1440 || w === 390
          ? [
              { indicator: 'CN-RU', method: 'oat', samples: '', seeds: '1' },
              { indicator: 'CN-RU', method: 'morris', samples: '2', seeds: '1' },
              { indicator: 'CN-RU', method: 'sobol', samples: '2', seeds: '1' },
            ]
          : [{ indicator: 'CN-RU', method: 'sobol', samples: '2', seeds: '1' }];
      for (const f of methods) {
        await runStudyIn(page, f);
        await studyDone(page);
        await page.mouse.move(1, 1);
        await page.waitForTimeout(200);
        const problems = [...(await page.evaluate(layoutProblems)), ...(await page.evaluate(analysisProblems))];
        await page.screenshot({ path: join(SHOTS, `analysis-${f.method}-${w}x${h}-${scheme}.png`), fullPage: w < 760 });
        eq(problems.join('; '), '', `analysis layout at ${w}×${h} ${scheme} (${f.method})`);
      }
      await page.click('#panel-analysis .an-switch button[data-view="claims"]');
      await page.waitForSelector('#panel-analysis .an-claims-table tbody tr');
      await page.waitForTimeout(200);
      const problems = [...(await page.evaluate(layoutProblems)), ...(await page.evaluate(analysisProblems))];
      await page.screenshot({ path: join(SHOTS, `analysis-claims-${w}x${h}-${scheme}.png`), fullPage: w < 760 });
      eq(problems.join('; '), '', `claims map layout at ${w}×${h} ${scheme}`);
      await close(page);
    }
  }
});

// ---- runner -----------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'dist/index.html')))
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(SHOTS, { recursive: true });
  const assets = join(ROOT, 'dist/assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  // What loads before the app can start: the entry and every chunk index.html preloads with it.
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const entry = html.match(/src="\/assets\/([^"]+\.js)"/)?.[1];
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length / 1024;
  if (entry) metrics['initial JS (entry chunk, gzipped kB)'] = gz(entry).toFixed(1);
  metrics['initial JS (entry and the chunks it preloads, gzipped kB)'] = initial
    .reduce((t, f) => t + gz(f), 0)
    .toFixed(1);
  metrics['all JS chunks (gzipped kB)'] = (
    js.reduce((s, f) => s + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024
  ).toFixed(1);

  const port = await freePort();
  server = spawn(
    join(ROOT, 'node_modules/.bin/vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  base = `http://127.0.0.1:${port}`;
  await waitHttp(`${base}/`, 20000);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const only = process.env.E2E_ONLY;
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`✓ ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`✗ ${t.name}\n    ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await browser.close();
  console.log('');
  for (const [k, v] of Object.entries(metrics)) console.log(`  ${k}: ${v}`);
  // A filtered run (E2E_ONLY) keeps the figures of the tests it did not run.
  const file = join(ROOT, 'artifacts/e2e-metrics.json');
  const kept = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  writeFileSync(file, `${JSON.stringify({ ...kept, ...metrics }, null, 2)}\n`);
  console.log(`screenshots in ${SHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then((code) => {
    server?.kill();
    process.exit(code);
  })
  .catch((e) => {
    console.error(e);
    server?.kill();
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
