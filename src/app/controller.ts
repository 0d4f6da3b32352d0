// The app: one state (scenario, seed, step, changes, compare), the runs computed from it, and every
// view kept in step with it. Views report intentions through handlers; only this file changes state.
import { LEVERS, type LeverName } from '../model/levers';
import type { TermName } from '../model/spec';
import { formatQuarter } from '../model/time';
import { decodeScenarioBytes, FILE_BYTES_MAX } from '../scenario/decode';
import { failed, parseScenarioText } from '../scenario/load';
import { DEFAULT_PRESET, PRESET_IDS } from '../scenario/presets';
import { BAND_SEEDS, type BandResult } from '../sim/band';
import { gapSentence, indicatorGaps } from '../sim/missing';
import type { StepRecord } from '../sim/run';
import { Explain } from '../ui/explain';
import { download, downloadDataUrl, runCsv, scenarioJson } from '../ui/export';
import { CONFIG_NAMES, configSentence, escapeHtml, fmt, fmtLever, fmtSigned, rolesShort } from '../ui/format';
import { infoHtml } from '../ui/info';
import { Messages } from '../ui/messages';
import { Panel } from '../ui/panel';
import { Transport } from '../ui/transport';
import { BAND_METRICS, type ChartBand, type ChartRun, Charts } from '../view/charts';
import { Stage } from '../view/stage';
import { readTheme } from '../view/theme';
import { BandClient } from './band';
import { reproduce } from './reproduce';
import { type Computed, compute, Library, recomputeFrom, retraces } from './sim';
import { type AppState, addEdit, hasState, parse, serialize } from './state';

const KEY = 'strategic-triangle:v1';
const MAX_SEED = 2 ** 32 - 1;
const COUNTERPART: Record<string, string> = {
  'post-ukraine': 'no-war-2022',
  'pre-2022': 'post-ukraine',
};

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(`${KEY}:${key}`);
    else localStorage.setItem(`${KEY}:${key}`, value);
  } catch {
    // Private mode or a full quota: the URL still carries the state.
  }
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(`${KEY}:${key}`);
  } catch {
    return null;
  }
}

export interface TestHook {
  ready: boolean;
  state(): Record<string, unknown>;
  pixels(): { width: number; height: number; nonBackground: number; colours: number; digest: string };
  /** Where an actor is drawn, in page pixels. */
  node(id: string, scene?: number): { x: number; y: number } | null;
  frames: number[];
  work: number[];
  /** The ensemble band shown behind run A, or null while none has arrived. */
  band(): BandInfo | null;
  /** Pixels of chart k that the band accounts for (drawn with and without it). */
  bandPixels(k: number): Promise<{ differing: number; total: number }>;
  /** Text objects of scene k (and the count its roster should have) and its actors' name labels, in page pixels. */
  labels(scene?: number): LabelInfo;
}

export interface LabelInfo {
  texts: number;
  expected: number;
  names: {
    id: string;
    text: string;
    full: string;
    visible: boolean;
    box: { x: number; y: number; w: number; h: number };
  }[];
}

export interface BandInfo {
  state: string;
  seeds: number;
  seed: number;
  /** Worker time for the last band, and from request to drawing. */
  ms: number;
  roundTripMs: number;
  /** Its first seed's final hash equals the displayed run's. */
  hashMatches: boolean;
  /** Quantiles of a metric at step t. */
  at: Record<string, { lo: number; med: number; hi: number }>;
}

declare global {
  interface Window {
    __triangle?: TestHook;
  }
}

export class App {
  private readonly library = new Library();
  private state!: AppState;
  private a!: Computed;
  private b: Computed | null = null;
  /** What B was computed from (scenario|seed|horizon, and the loaded scenario object). */
  private keyB = '';
  private gapsKey = '';
  private baseB: unknown = null;
  private horizon = 0;
  private selected = 'RU';
  private hovered: string | null = null;
  private readonly stage = new Stage();
  private charts!: Charts;
  private panel!: Panel;
  private explain!: Explain;
  private transport!: Transport;
  private messages!: Messages;
  private rosterKey = '';
  private frames: number[] = [];
  private work: number[] = [];
  private readonly bandClient = new BandClient();
  private band: ChartBand | null = null;
  private bandKey = '';
  private bandShape = '';
  private bandStats = { ms: 0, roundTripMs: 0, hashMatches: false };
  private el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

  async start(): Promise<void> {
    this.applyThemeMode(stored('theme') ?? 'auto');
    this.messages = new Messages(this.el('messages'));
    this.restoreImported();
    this.state = this.initialState();

    const theme = readTheme();
    await this.stage.init(this.el('stage'), theme);
    this.stage.scenes.forEach((s, k) => {
      s.onHover = (id) => this.hover(id, k);
      s.onSelect = (id) => this.select(id);
    });
    this.stage.onFrame = (now) => this.frame(now);
    this.charts = new Charts(this.el('charts'), theme);
    this.charts.onSeek = (t) => {
      this.transport.pause();
      this.seek(t, true);
    };
    this.panel = new Panel(this.el('panel'), {
      scenario: (id) => this.setScenario(id),
      seed: (s) => this.setSeedText(s),
      newSeed: () => this.setSeed((this.state.seed + 1) % 2 ** 32),
      compare: (id) => this.setCompare(id),
      lever: (name, v) => this.setLever(name, v),
      resetLevers: () => this.update({ edits: [] }),
      weight: (actor, term, v) => this.setWeight(actor, term, v),
      resetWeights: () => this.update({ weights: {} }),
      importFile: () => this.el<HTMLInputElement>('file-input').click(),
      exportJson: () => this.exportJson(),
      exportCsv: () => this.exportCsv(),
      exportPng: () => void this.exportPng(),
      copyLink: () => void this.copyLink(),
      theme: (mode) => this.setThemeMode(mode),
    });
    this.panel.setTheme(stored('theme') ?? 'auto');
    this.explain = new Explain(this.el('explain'));
    this.explain.onSelect = (id) => this.select(id);
    this.explain.onFocusActor = (id) => this.hover(id, 0);
    this.transport = new Transport({
      seek: (t, animate) => this.seek(t, animate),
      reset: () => this.seek(0, false),
      playing: (on) => {
        if (!on) this.announce();
      },
      toggleCompare: () => this.toggleCompare(),
      toggleInfo: () => this.toggleInfo(),
    });
    this.wireChrome();
    this.bandClient.onResult = (r, rt) => this.bandArrived(r, rt);
    this.bandClient.onError = (msg) => this.bandFailed(msg);
    this.recompute();
    this.rebuildViews();
    this.refreshBand();
    this.show(false);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.retheme());
    window.addEventListener('pagehide', () => this.persistNow());
    window.__triangle = {
      ready: true,
      state: () => this.snapshot(),
      pixels: () => this.stage.pixelStats(),
      node: (id, scene = 0) => {
        const p = this.stage.scenes[scene]?.nodePosition(id);
        const r = this.el('stage').getBoundingClientRect();
        return p ? { x: r.left + p.x, y: r.top + p.y } : null;
      },
      frames: this.frames,
      work: this.work,
      band: () => this.bandInfo(),
      bandPixels: (k) => this.charts.bandPixels(k),
      labels: (scene = 0) => {
        const info = this.stage.scenes[scene].labelInfo();
        const r = this.el('stage').getBoundingClientRect();
        for (const n of info.names) n.box = { ...n.box, x: n.box.x + r.left, y: n.box.y + r.top };
        return info;
      },
    };
  }

  // ---- state ---------------------------------------------------------------------------------------

  private steps(id: string): number {
    const r = this.library.load(id);
    return r.ok ? r.spec.steps : 0;
  }

  private initialState(): AppState {
    const fromUrl = hasState(location.search);
    const query = fromUrl ? location.search : (stored('state') ?? '');
    const cmp = new URLSearchParams(query).get('compare');
    const ids = this.library.ids;
    const parsed = parse(query, {
      known: ids,
      defaultScenario: DEFAULT_PRESET,
      defaultSeed: (id) => this.library.loadOrDefault(id).spec.seed,
      // Compare mode shows the shorter run's length (see recompute).
      horizon: (id) => {
        const other = cmp === id ? this.counterpart(id) : cmp;
        return other && ids.includes(other) ? Math.min(this.steps(id), this.steps(other)) : this.steps(id);
      },
      steps: (id) => this.steps(id),
      counterpart: (id) => this.counterpart(id),
      actors: (id) => this.library.loadOrDefault(id).spec.actors.map((a) => a.id),
    });
    if (parsed.problems.length > 0) {
      this.messages.show(
        'warn',
        fromUrl
          ? 'This link had problems; the rest of it is shown:'
          : 'Your saved view had problems; the rest of it is shown:',
        parsed.problems,
        0,
        'link',
      );
    }
    return parsed.state;
  }

  private restoreImported(): void {
    const text = stored('imported');
    if (!text) return;
    const r = parseScenarioText(text);
    if (r.ok) this.library.setImported(r);
    else store('imported', null);
  }

  private update(patch: Partial<AppState>, animate = false): void {
    this.state = { ...this.state, ...patch };
    this.recompute();
    this.rebuildViews();
    this.refreshBand();
    this.show(animate);
  }

  private setScenario(id: string): void {
    if (id === this.state.scenario) return;
    const seed = this.state.seed;
    let compare = this.state.compare;
    if (compare === id) compare = this.counterpart(id);
    this.update({ scenario: id, seed, t: 0, edits: [], weights: {}, compare });
  }

  /** A seed typed in the panel: a whole number 0..4294967295 (what a link carries), else a message and the old seed back. */
  private setSeedText(text: string): void {
    const s = text.trim();
    let problem = '';
    if (s === '') problem = 'the field is empty';
    else if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) problem = `"${s}" is not a number`;
    else {
      const v = Number(s);
      if (v < 0) problem = `${s} is negative`;
      else if (!Number.isInteger(v)) problem = `${s} is not a whole number`;
      else if (v > MAX_SEED) problem = `${s} is larger than ${MAX_SEED}`;
      else if (!/^\+?\d+$/.test(s)) problem = `write it as digits only, not "${s}"`;
      else {
        this.messages.clear('seed');
        this.setSeed(v);
        this.panel.setSeed(this.state.seed);
        return;
      }
    }
    this.messages.show(
      'warn',
      `A seed is a whole number from 0 to ${MAX_SEED}: ${problem}. The seed stays ${this.state.seed}.`,
      [],
      8000,
      'seed',
    );
    this.panel.setSeed(this.state.seed);
  }

  private setSeed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return;
    this.update({ seed });
  }

  private counterpart(id: string): string {
    const c = COUNTERPART[id] ?? 'post-ukraine';
    return c === id ? 'pre-2022' : c;
  }

  private setCompare(id: string | null): void {
    if (id !== null && id === this.state.scenario) {
      const other = this.counterpart(id);
      this.messages.show(
        'warn',
        `A scenario is not compared with itself; comparing with "${other}".`,
        [],
        6000,
        'compare',
      );
      id = other;
    }
    this.update({ compare: id });
  }

  private toggleCompare(): void {
    this.setCompare(this.state.compare ? null : this.counterpart(this.state.scenario));
  }

  private setLever(name: LeverName, value: number): void {
    const { edits, dropped } = addEdit(this.state.edits, { t: this.state.t, name, value });
    if (dropped.length > 0) {
      const start = this.a.spec.start;
      this.messages.show(
        'warn',
        `Changing a lever recomputes the future from ${formatQuarter(start + this.state.t)}: your later changes were dropped.`,
        dropped.map((d) => `${d.name} ${d.value} from ${formatQuarter(start + d.t)}`),
        6000,
        'dropped',
      );
    }
    this.state = { ...this.state, edits };
    // Only the future from this step changes: reuse run A up to it (a drag then costs a fraction of a
    // full run); B does not depend on A's levers.
    const s = this.state;
    this.a = recomputeFrom(
      this.a,
      s.scenario,
      this.library.loadOrDefault(s.scenario),
      s.seed,
      s.edits,
      s.weights,
      this.horizon,
      s.t,
    );
    this.charts.setRuns(this.chartRuns(), this.state.t);
    this.refreshBand();
    this.show(false);
  }

  private setWeight(actor: string, term: TermName, value: number): void {
    const weights = { ...this.state.weights, [actor]: { ...(this.state.weights[actor] ?? {}), [term]: value } };
    this.update({ weights });
  }

  private recompute(): void {
    const s = this.state;
    const baseA = this.library.loadOrDefault(s.scenario);
    const baseB = s.compare ? this.library.load(s.compare) : null;
    // Compare mode pairs the runs step by step up to the shorter one's end: neither runs past its own
    // horizon (the scenes and the difference strip name each side's date).
    this.horizon = baseB?.ok ? Math.min(baseA.spec.steps, baseB.spec.steps) : baseA.spec.steps;
    this.a = compute(s.scenario, baseA, s.seed, s.edits, s.weights, this.horizon);
    // B depends only on its scenario, the seed and the horizon, never on A's levers or weights: keep
    // it while those are unchanged, so a slider drag in compare mode recomputes one run, not two.
    const keyB = baseB?.ok ? `${s.compare}|${s.seed}|${this.horizon}` : '';
    if (keyB !== this.keyB || baseB !== this.baseB) {
      this.b = baseB?.ok ? compute(s.compare!, baseB, s.seed, [], {}, this.horizon) : null;
      this.keyB = keyB;
      this.baseB = baseB;
    }
    if (s.t > this.horizon) this.state = { ...s, t: this.horizon };
    this.noteGaps();
  }

  /** A note when an extra indicator gave no number at some steps (shown once per change of the gaps). */
  private noteGaps(): void {
    const a = this.a;
    const gaps = indicatorGaps(
      a.spec.indicators.map((x) => x.name),
      a.horizon,
      (name, t) => a.records[t]?.missing?.includes(name) ?? false,
    );
    const lines = gaps.map((g) => gapSentence(g, a.horizon + 1, (t) => a.records[t].date));
    const key = lines.join('\n');
    if (key === this.gapsKey) return;
    this.gapsKey = key;
    if (lines.length === 0) this.messages.clear('gaps');
    else this.messages.show('warn', "The scenario's own indicators have gaps; the run goes on:", lines, 0, 'gaps');
  }

  // ---- the ensemble band --------------------------------------------------------------------------

  /**
   * Ask the worker for the band of run A's inputs (scenario file with weights, lever changes, seeds
   * seed..seed+39, horizon) when they changed. The old band stays, dimmed, while the scenario and
   * horizon are the same (a lever or seed moved); otherwise it goes at once.
   */
  private refreshBand(): void {
    const req = {
      file: this.a.file,
      changes: this.a.edits.map((e) => ({ t: e.t, name: e.name, value: e.value })),
      seed: this.state.seed,
      seeds: BAND_SEEDS,
      steps: this.a.horizon,
      metrics: [...BAND_METRICS],
    };
    const key = JSON.stringify(req);
    if (key === this.bandKey) return;
    this.bandKey = key;
    const shape = `${this.a.id}|${this.a.horizon}`;
    if (shape !== this.bandShape) this.band = null;
    this.bandShape = shape;
    this.charts.setBand(this.band, this.band ? 'stale' : 'pending');
    this.bandClient.request(req);
  }

  private bandArrived(r: BandResult, roundTripMs: number): void {
    this.band = { seeds: r.seeds, seed: r.seed, metrics: r.metrics };
    const hashMatches = r.hash === this.a.run.hash(this.a.horizon);
    this.bandStats = { ms: r.ms, roundTripMs, hashMatches };
    const host = this.el('charts');
    host.dataset.bandMs = r.ms.toFixed(0);
    host.dataset.bandCheck = hashMatches ? 'ok' : 'mismatch';
    if (!hashMatches)
      console.error(
        `The band's seed ${r.seed} ends in state ${r.hash}, the run shown in ${this.a.run.hash(this.a.horizon)}`,
      );
    this.charts.setBand(this.band, 'ready');
  }

  private bandFailed(message: string): void {
    this.band = null;
    this.charts.setBand(null, 'error');
    this.messages.show(
      'warn',
      `The band of ${BAND_SEEDS} seeds could not be computed; the run shown is unaffected.`,
      [message],
      8000,
      'band',
    );
  }

  private bandInfo(): BandInfo | null {
    const b = this.band;
    if (!b) return null;
    const t = this.state.t;
    const at: BandInfo['at'] = {};
    for (const [name, q] of Object.entries(b.metrics)) at[name] = { lo: q.lo[t], med: q.med[t], hi: q.hi[t] };
    return { state: this.el('charts').dataset.bandState ?? '', seeds: b.seeds, seed: b.seed, ...this.bandStats, at };
  }

  private seek(t: number, animate: boolean): void {
    const c = Math.max(0, Math.min(this.horizon, Math.round(t)));
    if (c === this.state.t && !animate) return;
    this.state = { ...this.state, t: c };
    this.show(animate);
  }

  // ---- views ---------------------------------------------------------------------------------------

  private actorsOf(c: Computed) {
    return c.spec.actors.map((a) => ({ id: a.id, name: a.name, color: a.color }));
  }

  private chartRuns(): ChartRun[] {
    const runs = [this.a, ...(this.b ? [this.b] : [])];
    return runs.map((c) => ({
      records: c.records,
      start: c.spec.start,
      colors: Object.fromEntries(c.spec.actors.map((a) => [a.id, a.color])),
      extras: c.spec.indicators.map((x) => ({ name: x.name, label: x.label })),
    }));
  }

  /** Everything that depends on the runs but not on the step. */
  private rebuildViews(): void {
    const s = this.state;
    const key = `${s.scenario}|${s.compare}|${this.a.spec.actors.map((x) => x.id).join(',')}|${this.b?.spec.actors.map((x) => x.id).join(',')}`;
    if (key !== this.rosterKey) {
      this.rosterKey = key;
      const split = this.b !== null;
      this.stage.scenes[0].setActors(this.actorsOf(this.a), split ? `A · ${this.a.id}` : '');
      if (this.b) this.stage.scenes[1].setActors(this.actorsOf(this.b), `B · ${this.b.id}`);
      this.stage.setSplit(split);
      this.explain.setActors(this.actorsOf(this.a));
      if (!this.a.spec.actors.some((x) => x.id === this.selected)) this.selected = 'RU';
      const btn = this.el('btn-compare');
      btn.setAttribute('aria-pressed', String(split));
      this.el('diff').hidden = !split;
    }
    this.panel.setScenarios(
      this.library.ids.map((id) => {
        const r = this.library.load(id);
        return { id, title: r.ok ? r.spec.title : id };
      }),
      s.scenario,
      s.compare,
    );
    this.panel.setSeed(s.seed);
    const base = this.library.loadOrDefault(s.scenario);
    this.panel.setWeights(this.actorsOf(this.a), base.spec.weights, s.weights);
    this.charts.setRuns(this.chartRuns(), s.t);
  }

  /** Show the current step everywhere. */
  private show(animate: boolean): void {
    const s = this.state;
    const now = performance.now();
    const recA = this.a.records[s.t];
    this.stage.scenes[0].setRecord(recA, this.horizon, animate, now);
    if (this.b) this.stage.scenes[1].setRecord(this.b.records[s.t], this.horizon, animate, now);
    this.charts.setCursor(s.t);
    this.transport.set(s.t, this.horizon, recA.date);
    this.header(recA);
    this.explain.render(recA, this.selected);
    this.panel.setLevers(recA.levers, new Set(s.edits.filter((e) => e.t <= s.t).map((e) => e.name)));
    this.changes();
    this.diff();
    this.footer();
    this.tooltip();
    if (!this.transport.isPlaying) this.announce();
    this.persist();
  }

  private name(id: string): string {
    return this.a.spec.actors.find((a) => a.id === id)?.name ?? id;
  }

  private header(rec: StepRecord): void {
    this.el('h-scenario').textContent = this.a.title;
    this.el('h-scenario').title = `Scenario ${this.a.id}: ${this.a.title}`;
    this.el('h-date').textContent = rec.date;
    const cfg = `${CONFIG_NAMES[rec.triangle.config]} · ${rec.triangle.config === 'indeterminate' ? 'a tie near zero' : rolesShort(rec.triangle.roles)}`;
    this.el('h-config').textContent = cfg;
    this.el('h-config').title = configSentence(
      rec.triangle.config,
      rec.triangle.roles,
      (id) => this.name(id),
      rec.triangle.neutral,
    );
    this.el('h-seed').textContent = `seed ${this.state.seed}`;
    document.body.dataset.scenario = this.state.scenario;
    document.body.dataset.seed = String(this.state.seed);
    document.body.dataset.t = String(this.state.t);
  }

  /** The command line that reproduces the hash shown (and what it needs). */
  private reproduce() {
    const s = this.state;
    return reproduce({
      id: this.a.id,
      preset: PRESET_IDS.includes(this.a.id),
      seed: s.seed,
      t: s.t,
      start: this.a.spec.start,
      edits: s.edits,
      weights: Object.values(s.weights).some((w) => Object.keys(w).length > 0),
      exportName: this.exportName(),
    });
  }

  private footer(): void {
    const el = this.el('hash');
    const h = this.a.run.hash(this.state.t);
    const r = this.reproduce();
    el.textContent = `hash ${h.slice(0, 8)}…`;
    el.title = `Hash of the state at step ${this.state.t} (${this.a.records[this.state.t].date}): ${h}.\n${r.exact ? 'This command prints it' : 'Command line'}:\n${r.command}\n${r.note}`;
    el.dataset.command = r.command;
    el.dataset.exact = String(r.exact);
    el.dataset.hash = h;
    el.dataset.t = String(this.state.t);
    el.dataset.hashEnd = this.a.run.hash(this.a.horizon);
  }

  private changes(): void {
    const host = this.el('changes');
    const s = this.state;
    const start = this.a.spec.start;
    const parts: string[] = [];
    for (const e of s.edits) {
      const info = LEVERS.find((l) => l.name === e.name)!;
      parts.push(`<li><b>${e.name}</b> set to ${fmtLever(e.value, info.max)} from ${formatQuarter(start + e.t)}</li>`);
    }
    for (const [actor, terms] of Object.entries(s.weights)) {
      for (const [term, v] of Object.entries(terms))
        parts.push(`<li>${escapeHtml(this.name(actor))}'s <b>${term}</b> weight ${fmt(v ?? 0)} (whole run)</li>`);
    }
    if (parts.length === 0) {
      host.innerHTML = '';
      return;
    }
    host.innerHTML = `<div>Your changes (in the link):</div><ul>${parts.join('')}</ul><button type="button" id="undo-all">undo all</button>`;
    host.querySelector('#undo-all')?.addEventListener('click', () => this.update({ edits: [], weights: {} }));
  }

  private diff(): void {
    const host = this.el('diff');
    if (!this.b) {
      host.innerHTML = '';
      return;
    }
    const t = this.state.t;
    const ra = this.a.records[t];
    const rb = this.b.records[t];
    const row = (label: string, va: number, vb: number) => {
      const d = va - vb;
      const cls = Math.abs(d) < 0.005 ? '' : d > 0 ? 'up' : 'down';
      return `<span>${label} A <b>${fmt(va)}</b>, B <b>${fmt(vb)}</b> <span class="${cls}">(A − B = ${fmtSigned(d)})</span></span>`;
    };
    // Scenarios that start in different quarters are paired by steps since their start, not by date.
    const paired =
      ra.date === rb.date
        ? ''
        : `<span class="muted">paired by quarters since each start (step ${t} of ${this.horizon}), not by date</span>`;
    const cfg =
      ra.triangle.config === rb.triangle.config
        ? `<span>both <b>${CONFIG_NAMES[ra.triangle.config]}</b></span>`
        : `<span><b>${CONFIG_NAMES[ra.triangle.config]}</b> vs <b>${CONFIG_NAMES[rb.triangle.config]}</b></span>`;
    host.innerHTML = `<span><b>A ${escapeHtml(this.a.id)}</b> ${ra.date} vs <b>B ${escapeHtml(this.b.id)}</b> ${rb.date}:</span>${cfg}${row(
      "Russia's dependence on China",
      ra.indicators.ru_dependence_on_cn,
      rb.indicators.ru_dependence_on_cn,
    )}${row('autonomy', ra.indicators.ru_autonomy, rb.indicators.ru_autonomy)}${row(
      'negotiating space',
      ra.indicators.ru_negotiating_space,
      rb.indicators.ru_negotiating_space,
    )}${row('China–Russia tie', ra.ties['CN-RU'], rb.ties['CN-RU'])}${paired}<span class="muted">charts: A solid, B dashed${this.state.edits.length || Object.keys(this.state.weights).length ? '; your changes apply to A only' : ''}</span>`;
  }

  private summaryText(): string {
    const rec = this.a.records[this.state.t];
    const ind = rec.indicators;
    const tri = configSentence(rec.triangle.config, rec.triangle.roles, (id) => this.name(id), rec.triangle.neutral);
    let text =
      `${rec.date}, step ${rec.t} of ${this.horizon}, scenario ${this.a.title}, seed ${this.state.seed}. ` +
      `${CONFIG_NAMES[rec.triangle.config]}: ${tri} ` +
      `Ties: China–Russia ${fmtSigned(rec.ties['CN-RU'])}, US–China ${fmtSigned(rec.ties['CN-US'])}, US–Russia ${fmtSigned(rec.ties['RU-US'])}. ` +
      `Russia's dependence on China ${fmt(ind.ru_dependence_on_cn)}, autonomy ${fmt(ind.ru_autonomy)}, negotiating space ${fmt(ind.ru_negotiating_space)}.`;
    if (this.b) {
      const rb = this.b.records[this.state.t];
      text += ` Compared with ${this.b.title} at ${rb.date}: ${CONFIG_NAMES[rb.triangle.config]}, dependence ${fmt(rb.indicators.ru_dependence_on_cn)}.`;
    }
    return text;
  }

  private announce(): void {
    this.el('summary').textContent = this.summaryText();
  }

  private select(id: string): void {
    this.selected = id;
    for (const s of this.stage.scenes) s.setSelected(id);
    this.explain.render(this.a.records[this.state.t], id);
  }

  private hover(id: string | null, scene: number): void {
    this.hovered = id;
    this.hoverScene = scene;
    for (const s of this.stage.scenes) s.setHover(id);
    this.tooltip();
  }

  private hoverScene = 0;

  private tooltip(): void {
    const tip = this.el('tooltip');
    const id = this.hovered;
    const c = this.hoverScene === 1 && this.b ? this.b : this.a;
    const scene = this.stage.scenes[this.hoverScene === 1 && this.b ? 1 : 0];
    const pos = id ? scene.nodePosition(id) : null;
    if (!id || !pos) {
      tip.hidden = true;
      return;
    }
    const rec = c.records[this.state.t];
    const actor = c.spec.actors.find((a) => a.id === id);
    if (!actor) {
      tip.hidden = true;
      return;
    }
    const tie = (x: string) => rec.ties[id < x ? `${id}-${x}` : `${x}-${id}`];
    const rows: string[] = [];
    for (const x of ['US', 'CN', 'RU'])
      if (x !== id)
        rows.push(
          `<div class="row"><span>tie with ${escapeHtml(this.name(x))}</span><b>${fmtSigned(tie(x))}</b></div>`,
        );
    const role = (['US', 'CN', 'RU'] as const).find((x) => x === id);
    const roleText = role ? ` · ${rec.triangle.roles[role]}` : '';
    const u = rec.utility[id];
    if (u) rows.push(`<div class="row"><span>utility</span><b>${fmt(u.total)}</b></div>`);
    if (id === 'RU') {
      rows.push(
        `<div class="row"><span>dependence on China</span><b>${fmt(rec.indicators.ru_dependence_on_cn)}</b></div>`,
      );
      rows.push(
        `<div class="row"><span>negotiating space</span><b>${fmt(rec.indicators.ru_negotiating_space)}</b></div>`,
      );
    }
    tip.innerHTML = `<b>${escapeHtml(actor.name)}</b><span class="muted">${roleText}</span>${rows.join('')}<div class="muted">click to explain</div>`;
    tip.hidden = false;
    const host = this.el('stage');
    const w = host.clientWidth;
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    let x = pos.x + pos.r + 12;
    if (x + tw > w - 6) x = pos.x - pos.r - 12 - tw;
    const y = Math.max(6, Math.min(host.clientHeight - th - 6, pos.y - th / 2));
    tip.style.left = `${Math.max(6, x)}px`;
    tip.style.top = `${y}px`;
  }

  // ---- chrome, files, theme --------------------------------------------------------------------------

  private wireChrome(): void {
    this.el('btn-compare').addEventListener('click', () => this.toggleCompare());
    this.el('btn-info').addEventListener('click', () => this.toggleInfo());
    const dialog = this.el<HTMLDialogElement>('info');
    dialog.innerHTML = infoHtml();
    dialog.querySelector('#info-close')?.addEventListener('click', () => dialog.close());
    const input = this.el<HTMLInputElement>('file-input');
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      // At most one byte past the limit is read: the shared decoder refuses the rest, as the CLI does.
      if (f)
        void f
          .slice(0, FILE_BYTES_MAX + 1)
          .arrayBuffer()
          .then((b) => this.importText(new Uint8Array(b), f.name));
      input.value = '';
    });
  }

  private toggleInfo(): void {
    const d = this.el<HTMLDialogElement>('info');
    if (d.open) d.close();
    else d.showModal();
  }

  /** Validate an imported scenario: on error, list the problems by field and keep the current run. */
  importText(input: string | Uint8Array, fileName: string): boolean {
    const decoded = typeof input === 'string' ? { ok: true as const, text: input } : decodeScenarioBytes(input);
    const text = decoded.ok ? decoded.text : '';
    const r = decoded.ok ? parseScenarioText(text) : failed([decoded.error]);
    if (!r.ok) {
      this.messages.show(
        'error',
        `Could not import "${fileName}": ${r.total} problem${r.total > 1 ? 's' : ''}. The current run is kept.`,
        r.errors,
        0,
        'import',
      );
      return false;
    }
    this.messages.clear('import');
    const id = this.library.setImported(r);
    store('imported', text);
    this.update({
      scenario: id,
      t: 0,
      edits: [],
      weights: {},
      compare: this.state.compare === id ? null : this.state.compare,
    });
    this.messages.show(
      'ok',
      `Imported "${r.spec.title}" as scenario ${id}. It is kept in this browser; links to it work here only.`,
      [],
      6000,
      'import',
    );
    return true;
  }

  private fileBase(): string {
    return `${this.a.id}-seed${this.state.seed}`;
  }

  private exportName(): string {
    return `${this.a.id}.json`;
  }

  /** Run A over its scenario's whole length (compare mode may show fewer steps). */
  private fullA(): Computed {
    const s = this.state;
    if (this.a.horizon >= this.a.spec.steps) return this.a;
    return compute(s.scenario, this.library.loadOrDefault(s.scenario), s.seed, s.edits, s.weights, this.a.spec.steps);
  }

  /**
   * The scenario with the user's weights and lever changes written in, checked by running it: when it
   * does not retrace the app's run (a lever changed twice and moved by an event or a decision in
   * between), the message says so.
   */
  private exportJson(): void {
    const s = this.state;
    const text = scenarioJson(this.a.file, s.edits, this.a.spec.start, s.seed);
    download(this.exportName(), text, 'application/json');
    const full = this.fullA();
    const problem = retraces(text, s.seed, full.run, full.horizon);
    const mid = s.edits.some((e) => e.t > 0);
    if (problem) {
      this.messages.show(
        'warn',
        `Exported ${this.exportName()}, but it does not reproduce this run exactly: ${problem}. A scenario file cannot hold every sequence of lever changes (a lever pinned once is not set again by a later event).`,
        [],
        0,
        'export',
      );
    } else {
      this.messages.show(
        'ok',
        `Exported ${this.exportName()}: run with seed ${s.seed}, it reproduces this run${mid ? "'s ties and indicators (your later lever changes are events in it, so its hashes differ from the app's)" : ' and its hashes'}.`,
        [],
        6000,
        'export',
      );
    }
  }

  private exportCsv(): void {
    const full = this.fullA();
    download(`${this.fileBase()}.csv`, runCsv(full.run, full.records, this.state.edits), 'text/csv');
  }

  private async exportPng(): Promise<void> {
    const url = await this.stage.png();
    downloadDataUrl(`${this.fileBase()}-${this.a.records[this.state.t].date}.png`, url);
  }

  private async copyLink(): Promise<void> {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.messages.show('ok', 'Link copied: it reproduces exactly this view.', [], 4000, 'link-copied');
    } catch {
      this.messages.show(
        'warn',
        'Could not copy; the address bar holds the link to this view.',
        [url],
        8000,
        'link-copied',
      );
    }
  }

  private applyThemeMode(mode: string): void {
    if (mode === 'light' || mode === 'dark') document.documentElement.dataset.theme = mode;
    else delete document.documentElement.dataset.theme;
  }

  private setThemeMode(mode: 'auto' | 'light' | 'dark'): void {
    store('theme', mode === 'auto' ? null : mode);
    this.applyThemeMode(mode);
    this.retheme();
  }

  private retheme(): void {
    const theme = readTheme();
    this.stage.setTheme(theme);
    this.charts.setTheme(theme);
    this.show(false);
  }

  private persistTimer = 0;

  /** The URL and the saved view follow the state; batched, since playing changes it every frame. */
  private persist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = window.setTimeout(() => this.persistNow(), this.transport.isPlaying ? 400 : 60);
  }

  private persistNow(): void {
    const q = serialize(this.state);
    if (location.search !== q) history.replaceState(null, '', q);
    store('state', q);
  }

  // ---- timing and tests ----------------------------------------------------------------------------

  private frame(now: number): void {
    const playing = this.transport.isPlaying;
    this.transport.frame(now);
    if (playing) {
      if (this.lastFrame > 0) this.frames.push(now - this.lastFrame);
      this.work.push(this.stage.lastWork);
      if (this.frames.length > 5000) this.frames.splice(0, 1000);
      if (this.work.length > 5000) this.work.splice(0, 1000);
      this.lastFrame = now;
    } else this.lastFrame = 0;
  }

  private lastFrame = 0;

  private snapshot(): Record<string, unknown> {
    const rec = this.a.records[this.state.t];
    return {
      ...this.state,
      url: serialize(this.state),
      date: rec.date,
      horizon: this.horizon,
      hash: this.a.run.hash(this.state.t),
      hashEnd: this.a.run.hash(this.a.horizon),
      config: rec.triangle.config,
      roles: rec.triangle.roles,
      indicators: rec.indicators,
      ties: rec.ties,
      levers: rec.levers,
      playing: this.transport.isPlaying,
      compareHash: this.b ? this.b.run.hash(this.state.t) : null,
      compareDate: this.b ? this.b.records[this.state.t].date : null,
      summary: this.summaryText(),
      scenarios: this.library.ids,
      default: DEFAULT_PRESET,
      presets: PRESET_IDS,
    };
  }
}
