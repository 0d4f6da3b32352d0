// The frame around the scene: the header (scenario, date, configuration, seed; undo, redo, compare,
// report, theme, info, and on a phone the controls drawer), the side's Controls/Explain tabs, the
// drawer, the theme, and the live summary read out to screen readers.
import { CONFIG_NAMES, configSentence, rolesShort } from '../app/format';
import type { Intent } from '../app/intents';
import { actorName, frame, summaryText } from '../app/select';
import type { ThemeMode } from '../app/state';
import type { Store } from '../app/store';
import { byId } from './dom';

export function applyTheme(mode: ThemeMode): void {
  if (mode === 'light' || mode === 'dark') document.documentElement.dataset.theme = mode;
  else delete document.documentElement.dataset.theme;
}

const NEXT_THEME: Readonly<Record<ThemeMode, ThemeMode>> = { auto: 'light', light: 'dark', dark: 'auto' };

export function connectChrome(store: Store, dispatch: (i: Intent) => void): void {
  const undo = byId<HTMLButtonElement>('btn-undo');
  const redo = byId<HTMLButtonElement>('btn-redo');
  undo.addEventListener('click', () => dispatch({ type: 'undo' }));
  redo.addEventListener('click', () => dispatch({ type: 'redo' }));
  byId('btn-compare').addEventListener('click', () => dispatch({ type: 'toggleCompare' }));
  byId('btn-info').addEventListener('click', () => dispatch({ type: 'info', open: true }));
  const themeBtn = byId<HTMLButtonElement>('btn-theme');
  themeBtn.addEventListener('click', () => dispatch({ type: 'setTheme', mode: NEXT_THEME[store.get().theme] }));
  const drawerBtn = byId<HTMLButtonElement>('btn-controls');
  drawerBtn.addEventListener('click', () => dispatch({ type: 'drawer', open: !store.get().drawer }));
  byId('side-close').addEventListener('click', () => dispatch({ type: 'drawer', open: false }));
  const scrim = byId('scrim');
  scrim.addEventListener('click', () => dispatch({ type: 'drawer', open: false }));
  const tabControls = byId<HTMLButtonElement>('side-tab-controls');
  const tabExplain = byId<HTMLButtonElement>('side-tab-explain');
  tabControls.addEventListener('click', () => dispatch({ type: 'setSide', side: 'controls' }));
  tabExplain.addEventListener('click', () => dispatch({ type: 'setSide', side: 'explain' }));

  store.watch(
    (s) => [s.history.index, s.history.entries.length] as const,
    ([index, n]) => {
      undo.disabled = index === 0;
      redo.disabled = index >= n - 1;
    },
    { eq: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  store.watch(
    (s) => s.doc.compare !== null,
    (on) => {
      byId('btn-compare').setAttribute('aria-pressed', String(on));
      document.body.classList.toggle('comparing', on);
    },
  );
  store.watch(
    (s) => s.theme,
    (mode) => {
      applyTheme(mode);
      themeBtn.title = `Theme: ${mode} (click for ${NEXT_THEME[mode]})`;
      themeBtn.setAttribute('aria-label', `Theme: ${mode}`);
      themeBtn.dataset.mode = mode;
    },
  );
  store.watch(
    (s) => s.drawer,
    (open) => {
      document.body.classList.toggle('drawer-open', open);
      drawerBtn.setAttribute('aria-expanded', String(open));
      if (open) byId('side').focus({ preventScroll: true });
    },
  );
  store.watch(
    (s) => s.side,
    (side) => {
      tabControls.setAttribute('aria-selected', String(side === 'controls'));
      tabExplain.setAttribute('aria-selected', String(side === 'explain'));
      byId('side-controls').hidden = side !== 'controls';
      byId('explain').hidden = side !== 'explain';
    },
  );
  store.watch(
    (s) => {
      const runs = store.runs(s);
      return { f: frame(s, runs), seed: s.doc.seed, runs };
    },
    ({ f, seed, runs }) => {
      const rec = f.a.rec;
      const scenario = byId('h-scenario');
      scenario.textContent = runs.a.title;
      scenario.title = `Scenario ${runs.a.id}: ${runs.a.title}`;
      byId('h-date').textContent = f.date;
      const cfg = byId('h-config');
      cfg.textContent = `${CONFIG_NAMES[rec.triangle.config]} · ${rec.triangle.config === 'indeterminate' ? 'a tie near zero' : rolesShort(rec.triangle.roles)}`;
      cfg.title = configSentence(
        rec.triangle.config,
        rec.triangle.roles,
        (id) => actorName(runs.a, id),
        rec.triangle.neutral,
      );
      byId('h-seed').textContent = `seed ${seed}`;
      document.body.dataset.scenario = runs.a.id;
      document.body.dataset.seed = String(seed);
      document.body.dataset.t = String(f.t);
    },
    { eq: (a, b) => a.f.a.rec === b.f.a.rec && a.f.date === b.f.date && a.seed === b.seed && a.runs === b.runs },
  );
  // The live summary is read when the view settles, not at every frame of playing.
  store.watch(
    (s) => (s.playing ? null : ([s.doc, store.runs(s)] as const)),
    (v) => {
      if (v) byId('summary').textContent = summaryText(store.get(), v[1]);
    },
    { eq: (a, b) => (a === null && b === null) || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]) },
  );
}
