// The browser's composition root: the store with its state restored from the link and the browser's
// storage, the views subscribed to it, and the ports to the outside (history, storage, the worker,
// the clock). If anything fails, the page says so.
import './ui/style.css';
import { type BandValue, chartsModel } from './app/charts';
import { hasState } from './app/doc';
import { bandSlot, connectGaps, connectJobs } from './app/effects';
import type { JobMessage } from './app/jobs';
import { connectPersistence, type KeyValue, restore } from './app/persist';
import { frame, outsideNote } from './app/select';
import { initialState } from './app/state';
import { Store } from './app/store';
import type { PoolRunner } from './ui/bandRunner';
import { connectChanges } from './ui/changes';
import { applyTheme, connectChrome } from './ui/chrome';
import { byId } from './ui/dom';
import { connectExplain } from './ui/explain';
import { connectKeyboard } from './ui/keyboard';
import { connectLocation, currentEntry } from './ui/location';
import { connectMessages } from './ui/messages';
import { Panel } from './ui/panel';
import { connectReadout } from './ui/readout';
import { connectShare } from './ui/share';
import { connectTabs } from './ui/tabs';
import { installTestHook } from './ui/testHook';
import { connectTooltip } from './ui/tooltip';
import { Transport } from './ui/transport';
import { Charts } from './view/charts';
import { Stage } from './view/stage';
import { readTheme } from './view/theme';

const storage: KeyValue = {
  get: (k) => localStorage.getItem(k),
  set: (k, v) => localStorage.setItem(k, v),
  remove: (k) => localStorage.removeItem(k),
};

async function start(): Promise<void> {
  performance.mark('app:start');
  const restored = restore(storage);
  const fromPage = hasState(location.search);
  const store = new Store(
    initialState(
      {
        query: location.search,
        saved: restored.saved,
        library: restored.library,
        theme: restored.theme,
        entry: currentEntry(),
      },
      fromPage,
    ),
  );
  store.onError = (e) => console.error(e);
  const dispatch = store.dispatch.bind(store);
  applyTheme(store.get().theme);

  performance.mark('app:state');
  const stage = new Stage();
  await stage.init(byId('stage'), readTheme());
  performance.mark('app:pixi');
  const charts = new Charts(byId('panel-chart'), readTheme());

  connectChrome(store, dispatch);
  connectMessages(byId('messages'), store, dispatch);
  const panel = new Panel(byId('panel'), dispatch);
  panel.connect(store);
  connectChanges(byId('changes'), store, dispatch);
  const transport = new Transport(store, dispatch);
  connectKeyboard(dispatch, () => document.querySelector('dialog[open]') !== null);
  connectExplain(byId('explain'), store, dispatch);
  connectReadout(byId('readout'), store, dispatch);
  connectTooltip(byId('tooltip'), byId('stage'), store, (scene, id) => stage.scenes[scene]?.nodePosition(id) ?? null);

  // The scenes: one per run, each with its roster; the record of the date shown; hover and selection.
  stage.scenes.forEach((scene, k) => {
    scene.onHover = (id) => dispatch({ type: 'hover', scene: k as 0 | 1, actor: id });
    scene.onSelect = (id) => dispatch({ type: 'select', scene: k as 0 | 1, actor: id });
  });
  store.watch(
    (s) => {
      const runs = store.runs(s);
      return [runs.a.spec, runs.b?.spec ?? null, runs.a.id, runs.b?.id ?? null] as const;
    },
    ([a, b, ida, idb]) => {
      const actors = (spec: typeof a) => spec.actors.map((x) => ({ id: x.id, name: x.name, color: x.color }));
      stage.scenes[0].setActors(actors(a), b ? `A · ${ida}` : '');
      if (b) stage.scenes[1].setActors(actors(b), `B · ${idb}`);
      stage.setSplit(b !== null);
    },
    { eq: (x, y) => x.every((v, k) => v === y[k]) },
  );
  store.watch(
    (s) => frame(s, store.runs(s)),
    (f) => {
      const s = store.get();
      const now = performance.now();
      const last = store.runs(s);
      stage.scenes[0].setRecord(f.a.rec, last.a.horizon, s.animate, now);
      stage.scenes[0].setNote(f.b ? outsideNote(f.a, 'A') : '');
      if (f.b) {
        stage.scenes[1].setRecord(f.b.rec, f.b.run.horizon, s.animate, now);
        stage.scenes[1].setNote(outsideNote(f.b, 'B'));
      }
    },
    {
      eq: (x, y) =>
        x.a.rec === y.a.rec && x.b?.rec === y.b?.rec && x.a.at.side === y.a.at.side && x.b?.at.side === y.b?.at.side,
    },
  );
  store.watch(
    (s) => [s.selected, s.hovered] as const,
    ([sel, hov]) =>
      stage.scenes.forEach((scene, k) => {
        scene.setSelected(sel.scene === k ? sel.actor : null);
        scene.setHover(hov && hov.scene === k ? hov.actor : null);
      }),
    { eq: (x, y) => x[0] === y[0] && x[1] === y[1] },
  );

  // The charts: their data from the runs and the band; the cursor from the step.
  charts.onSeek = (t) => {
    dispatch({ type: 'pause' });
    dispatch({ type: 'seek', t });
  };
  const bandValue = (s: ReturnType<Store['get']>) => {
    const slot = bandSlot(s);
    return slot?.value && slot.status !== 'idle' ? (slot.value as unknown as BandValue) : null;
  };
  store.watch(
    (s) => [store.runs(s), bandValue(s)] as const,
    ([runs, band]) => charts.setModel(chartsModel(runs, band), store.get().doc.t),
    { eq: (x, y) => x[0] === y[0] && x[1] === y[1] },
  );
  store.watch(
    (s) => s.doc.t,
    (t) => charts.setCursor(t),
  );
  store.watch(
    (s) => bandSlot(s),
    (slot) => {
      const v = slot?.value;
      charts.setBand({
        status: slot?.status ?? 'idle',
        seeds: v?.seeds ?? 0,
        seed: v?.seed ?? store.get().doc.seed,
        progress: slot?.progress ?? 0,
      });
      const host = byId('panel-chart');
      if (slot?.status === 'ready' && v) {
        const a = store.runs().a;
        host.dataset.bandCheck = v.hash === a.records[v.steps]?.hash ? 'ok' : 'mismatch';
        host.dataset.bandMs = v.ms.toFixed(0);
      }
    },
  );

  // Theme: the page's colours first (chrome), then the canvases read them.
  const retheme = () => {
    const th = readTheme();
    stage.setTheme(th);
    charts.setTheme(th);
  };
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const share = connectShare(store, dispatch, {
    scene: () => stage.canvas(),
    charts: () => charts.canvases(),
    inLightTheme: async (fn) => {
      const root = document.documentElement;
      if (!readTheme().dark) return fn();
      const before = root.dataset.theme;
      root.dataset.theme = 'light';
      retheme();
      await nextFrame();
      try {
        return fn();
      } finally {
        if (before) root.dataset.theme = before;
        else delete root.dataset.theme;
        retheme();
      }
    },
  });
  // The Table and Sources tabs load the first time they are shown.
  let sourcesShown = false;
  let tableShown = false;
  let analysisShown = false;
  connectTabs(store, dispatch, (tab) => {
    if (tab === 'table' && !tableShown) {
      tableShown = true;
      void import('./ui/table').then((m) =>
        m.connectTable(byId('panel-table'), store, dispatch, () => void share.exportCsv()),
      );
    }
    if (tab === 'sources' && !sourcesShown) {
      sourcesShown = true;
      void import('./ui/sources').then((m) => m.renderSources(byId('panel-sources')));
    }
    if (tab === 'analysis' && !analysisShown) {
      analysisShown = true;
      void import('./ui/analysis').then((m) => m.connectAnalysis(byId('panel-analysis'), store, dispatch));
    }
  });

  // The Info dialog's words load the first time it opens.
  const dialog = byId<HTMLDialogElement>('info');
  let infoLoaded = false;
  dialog.addEventListener('close', () => dispatch({ type: 'info', open: false }));
  store.watch(
    (s) => s.info,
    (open) => {
      if (!open) {
        if (dialog.open) dialog.close();
        return;
      }
      const show = () => {
        if (store.get().info && !dialog.open) dialog.showModal();
      };
      if (infoLoaded) show();
      else
        void import('./ui/info').then((m) => {
          m.renderInfo(dialog, dispatch, () => dispatch({ type: 'setTab', tab: 'sources' }));
          infoLoaded = true;
          show();
        });
    },
  );

  store.watch((s) => s.theme, retheme, { now: false });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', retheme);

  connectLocation(store, dispatch);
  connectPersistence(store, storage, (fn) => setTimeout(fn, store.get().playing ? 500 : 80));
  // The bands run on the worker pool (its code loads with the first band, outside the initial chunk).
  let pool: PoolRunner | null = null;
  let queued: JobMessage | null = null;
  let loading = false;
  const band = (m: JobMessage) => {
    if (pool) return pool.run(m);
    queued = m;
    if (loading) return;
    loading = true;
    void import('./ui/bandRunner').then(
      (mod) => {
        pool = new mod.PoolRunner(dispatch, () => performance.now());
        if (queued) pool.run(queued);
      },
      (e: unknown) => {
        loading = false;
        if (queued)
          dispatch({
            type: 'jobError',
            kind: queued.kind,
            gen: queued.gen,
            error: `the band's code did not load (${String(e)})`,
          });
      },
    );
  };
  const runner = {
    run: band,
    get started() {
      return pool?.started ?? 0;
    },
  };
  connectJobs(store, runner, () => performance.now());
  connectGaps(store);

  const timing = { frames: [] as number[], work: [] as number[], last: 0 };
  stage.onFrame = (now) => {
    const playing = store.get().playing;
    transport.frame(now);
    if (playing) {
      if (timing.last > 0) timing.frames.push(now - timing.last);
      timing.work.push(stage.lastWork);
      if (timing.frames.length > 5000) timing.frames.splice(0, 1000);
      if (timing.work.length > 5000) timing.work.splice(0, 1000);
      timing.last = now;
    } else timing.last = 0;
  };
  performance.mark('app:wired');
  installTestHook({ store, stage, charts, runner, timing, share });
}

start().catch((e: unknown) => {
  console.error(e);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'fatal';
  box.textContent = `The app could not start: ${e instanceof Error ? e.message : String(e)}. Try reloading, or open it without the query string.`;
  document.body.append(box);
});
