// What the browser tests read: the state in plain data, pixel statistics of the scene, where an actor
// is drawn, the band, the charts' ranges, frame timings. Installed on window.__triangle.

import { serialize } from '../app/doc';
import { bandSlot } from '../app/effects';
import type { Intent } from '../app/intents';
import { libraryIds } from '../app/library';
import { frame, summaryText } from '../app/select';
import type { Store } from '../app/store';
import { DEFAULT_PRESET, PRESET_IDS } from '../scenario/presets';
import { byId } from './dom';
import type { ShareActions } from './share';

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
  /** Worker time for the last band, and from request to its arrival. */
  ms: number;
  roundTripMs: number;
  /** Its first seed's final hash equals the displayed run's. */
  hashMatches: boolean;
  /** Quantiles of a metric at A's step shown. */
  at: Record<string, { lo: number; q25: number; med: number; q75: number; hi: number }>;
  /** Share of the seeds in each configuration, by A's step. */
  configs: Record<string, number[]>;
  /** Compare mode: B's quantiles at B's step shown, and A − B's at the date shown. */
  bAt: Record<string, { lo: number; med: number; hi: number }> | null;
  diffAt: Record<
    string,
    { lo: number | null; q25: number | null; med: number | null; q75: number | null; hi: number | null }
  > | null;
  /** The slot's generation and the last change's: equal when the band drawn is the latest asked. */
  gen: number;
}

/** What the hook reads of the scene and the charts (main.ts passes the real ones). */
interface StageLike {
  pixelStats(): { width: number; height: number; nonBackground: number; colours: number; digest: string };
  scenes: { nodePosition(id: string): { x: number; y: number; r: number } | null; labelInfo(): LabelInfo }[];
  canvas(): HTMLCanvasElement | null;
}
interface ChartsLike {
  bandDrawnAt: number;
  bandPixels(k: number): Promise<{ differing: number; total: number }>;
  describe(
    k: number,
  ): { id: string; range: [number, number]; series: string[]; ghost: boolean; events: number; axes: string[] } | null;
  canvases(): { canvas: HTMLCanvasElement; title: string }[];
}

export interface TestHook {
  ready: boolean;
  state(): Record<string, unknown>;
  pixels(): { width: number; height: number; nonBackground: number; colours: number; digest: string };
  node(id: string, scene?: number): { x: number; y: number } | null;
  frames: number[];
  work: number[];
  band(): BandInfo | null;
  bandPixels(k: number): Promise<{ differing: number; total: number }>;
  labels(scene?: number): LabelInfo;
  chart(k: number): ReturnType<ChartsLike['describe']>;
  /** How the last run was computed ('hit', 'prefix' from a step, 'full'). */
  lastCompute(): { how: string; from: number };
  workersStarted(): number;
  /** The app's dispatch (band_200_ms times lever changes made through it). */
  dispatch(i: Intent): void;
  /** When the charts were last drawn after a band arrived (performance.now()). */
  bandDrawnAt(): number;
  prepareReport(): Promise<void>;
  share: ShareActions;
}

declare global {
  interface Window {
    __triangle?: TestHook;
  }
}

export function installTestHook(x: {
  store: Store;
  stage: StageLike;
  charts: ChartsLike;
  runner: { started: number };
  timing: { frames: number[]; work: number[] };
  share: ShareActions;
}): void {
  const { store, stage, charts, runner, timing } = x;
  const stageBox = () => byId('stage').getBoundingClientRect();
  window.__triangle = {
    ready: true,
    state: () => {
      const s = store.get();
      const runs = store.runs(s);
      const f = frame(s, runs);
      const rec = f.a.rec;
      return {
        ...s.doc,
        url: serialize(s.doc, s.tab),
        date: f.date,
        dateA: rec.date,
        step: f.a.at.step,
        horizon: runs.a.horizon,
        last: runs.timeline.last,
        hash: rec.hash,
        hashEnd: runs.a.records[runs.a.horizon].hash,
        config: rec.triangle.config,
        roles: rec.triangle.roles,
        indicators: rec.indicators,
        ties: rec.ties,
        levers: rec.levers,
        playing: s.playing,
        compareHash: f.b ? f.b.rec.hash : null,
        compareDate: f.b ? f.b.rec.date : null,
        summary: summaryText(s, runs),
        scenarios: libraryIds(s.library),
        default: DEFAULT_PRESET,
        presets: PRESET_IDS,
        history: { index: s.history.index, length: s.history.entries.length },
        tab: s.tab,
        side: s.side,
        selected: s.selected,
        drawer: s.drawer,
        theme: s.theme,
        messages: s.messages.map((m) => m.id),
        ghost: runs.ghost !== null,
      };
    },
    pixels: () => stage.pixelStats(),
    node: (id, scene = 0) => {
      const p = stage.scenes[scene]?.nodePosition(id);
      const r = stageBox();
      return p ? { x: r.left + p.x, y: r.top + p.y } : null;
    },
    frames: timing.frames,
    work: timing.work,
    band: () => {
      const s = store.get();
      const slot = bandSlot(s);
      const v = slot?.value;
      if (!slot || !v) return null;
      const runs = store.runs(s);
      const step = frame(s, runs).a.at.step;
      const f = frame(s, runs);
      const at: BandInfo['at'] = {};
      for (const [name, q] of Object.entries(v.metrics))
        at[name] = { lo: q.lo[step], q25: q.q25[step], med: q.med[step], q75: q.q75[step], hi: q.hi[step] };
      let bAt: BandInfo['bAt'] = null;
      if (v.b && f.b) {
        bAt = {};
        for (const [name, q] of Object.entries(v.b.metrics))
          bAt[name] = { lo: q.lo[f.b.at.step], med: q.med[f.b.at.step], hi: q.hi[f.b.at.step] };
      }
      let diffAt: BandInfo['diffAt'] = null;
      if (v.diff) {
        diffAt = {};
        for (const [name, q] of Object.entries(v.diff))
          diffAt[name] = {
            lo: q.lo[s.doc.t],
            q25: q.q25[s.doc.t],
            med: q.med[s.doc.t],
            q75: q.q75[s.doc.t],
            hi: q.hi[s.doc.t],
          };
      }
      return {
        state: slot.status,
        seeds: v.seeds,
        seed: v.seed,
        ms: v.ms,
        roundTripMs: slot.ms,
        hashMatches: v.hash === runs.a.records[v.steps]?.hash,
        at,
        configs: v.configs,
        bAt,
        diffAt,
        gen: slot.gen,
      };
    },
    bandPixels: (k) => charts.bandPixels(k),
    labels: (scene = 0) => {
      const info = stage.scenes[scene].labelInfo();
      const r = stageBox();
      for (const n of info.names) n.box = { ...n.box, x: n.box.x + r.left, y: n.box.y + r.top };
      return info;
    },
    chart: (k) => charts.describe(k),
    lastCompute: () => store.cache.last,
    workersStarted: () => runner.started,
    dispatch: (i) => store.dispatch(i),
    bandDrawnAt: () => charts.bandDrawnAt,
    prepareReport: () => x.share.prepareReport(),
    share: x.share,
  };
}
