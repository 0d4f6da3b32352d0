// The control panel (lil-gui): scenario, seed, compare, every lever as a sentence with its value,
// utility weights per actor (folded), files. The panel shows state; it changes it only through handlers.
import GUI, { type Controller } from 'lil-gui';
import { WEIGHT_MAX } from '../app/state';
import { LEVERS, type LeverInfo, type LeverName } from '../model/levers';
import type { TermName } from '../model/spec';
import { fmtLever } from './format';

export interface PanelHandlers {
  scenario(id: string): void;
  /** The seed as typed (the app checks it: a whole number 0..4294967295). */
  seed(text: string): void;
  newSeed(): void;
  compare(id: string | null): void;
  lever(name: LeverName, value: number): void;
  resetLevers(): void;
  weight(actor: string, term: TermName, value: number): void;
  resetWeights(): void;
  importFile(): void;
  exportJson(): void;
  exportCsv(): void;
  exportPng(): void;
  copyLink(): void;
  theme(mode: 'auto' | 'light' | 'dark'): void;
}

export interface ScenarioOption {
  id: string;
  title: string;
}

const NO_COMPARE = '(off)';

function sentence(info: LeverInfo, v: number): string {
  return info.sentence.replace('{v}', fmtLever(v, info.max));
}

export class Panel {
  readonly gui: GUI;
  private readonly h: PanelHandlers;
  private readonly obj: Record<string, string | number | (() => void)>;
  private readonly leverCtl = new Map<LeverName, Controller>();
  private scenarioCtl!: Controller;
  private compareCtl!: Controller;
  private seedCtl!: Controller;
  private weightsFolder!: GUI;
  private leverNote!: HTMLElement;

  constructor(host: HTMLElement, handlers: PanelHandlers) {
    this.h = handlers;
    this.gui = new GUI({ container: host, title: 'Controls', autoPlace: false, injectStyles: true });
    this.obj = {
      scenario: '',
      seed: '1',
      compare: NO_COMPARE,
      theme: 'auto',
      newSeed: () => this.h.newSeed(),
      resetLevers: () => this.h.resetLevers(),
      resetWeights: () => this.h.resetWeights(),
      importFile: () => this.h.importFile(),
      exportJson: () => this.h.exportJson(),
      exportCsv: () => this.h.exportCsv(),
      exportPng: () => this.h.exportPng(),
      copyLink: () => this.h.copyLink(),
    };
    for (const l of LEVERS) this.obj[`lever_${l.name}`] = l.default;
    this.build();
  }

  private build(): void {
    const g = this.gui;
    const o = this.obj;
    this.scenarioCtl = g
      .add(o, 'scenario', [])
      .name('scenario')
      .onChange((v: string) => this.h.scenario(v));
    this.scenarioCtl.domElement.title = 'The six presets (and a scenario you imported)';
    // A text field, not a number one: lil-gui's number field would round 2.7 to 3 and clamp silently,
    // and the app must see what was typed to say what is wrong with it.
    this.seedCtl = g
      .add(o, 'seed')
      .name('seed')
      .onFinishChange((v: string) => this.h.seed(String(v)));
    this.seedCtl.domElement.title =
      'A whole number from 0 to 4294967295. The run is a pure function of scenario, seed and your changes';
    this.seedCtl.domElement.querySelector('input')?.setAttribute('inputmode', 'numeric');
    g.add(o, 'newSeed').name('new seed (seed + 1)');
    this.compareCtl = g
      .add(o, 'compare', [NO_COMPARE])
      .name('compare with')
      .onChange((v: string) => this.h.compare(v === NO_COMPARE ? null : v));
    this.compareCtl.domElement.title = 'Run a second scenario beside this one, same seed, in lockstep (C)';

    const lf = g.addFolder('Levers: from the current step on');
    this.leverNote = document.createElement('p');
    this.leverNote.className = 'note';
    this.leverNote.textContent =
      'Moving a lever changes it from the quarter shown on; the future is recomputed and redrawn at once. Hover a label for its source.';
    lf.domElement.querySelector('.lil-children')?.prepend(this.leverNote);
    for (const info of LEVERS) {
      const key = `lever_${info.name}`;
      const step = info.max <= 1 ? 0.01 : info.max / 100;
      const c = lf
        .add(this.obj, key, info.min, info.max, step)
        .decimals(info.max <= 1 ? 2 : 1)
        .name(sentence(info, info.default))
        .onChange((v: number) => {
          c.name(sentence(info, v));
          this.h.lever(info.name, v);
        });
      c.domElement.classList.add('sentence');
      c.domElement.title = `${info.name}: ${info.meaning}.\nSource: ${info.source}`;
      c.domElement.dataset.lever = info.name;
      this.leverCtl.set(info.name, c);
    }
    lf.add(o, 'resetLevers').name('undo my lever changes');

    this.weightsFolder = g.addFolder('Utility weights (whole run)').close();

    const ff = g.addFolder('Files and sharing').close();
    ff.add(o, 'copyLink').name('copy a link to this view');
    ff.add(o, 'importFile').name('import a scenario (JSON)…');
    ff.add(o, 'exportJson').name('export scenario (JSON)');
    ff.add(o, 'exportCsv').name('export run (CSV)');
    ff.add(o, 'exportPng').name('export picture (PNG)');

    const df = g.addFolder('Display').close();
    df.add(o, 'theme', ['auto', 'light', 'dark'])
      .name('theme')
      .onChange((v: 'auto' | 'light' | 'dark') => this.h.theme(v));
  }

  setScenarios(options: readonly ScenarioOption[], current: string, compare: string | null): void {
    const ids = options.map((s) => s.id);
    this.obj.scenario = current;
    this.scenarioCtl = this.scenarioCtl.options(ids).onChange((v: string) => this.h.scenario(v));
    this.scenarioCtl.name('scenario');
    this.scenarioCtl.domElement.title = options.map((s) => `${s.id}: ${s.title}`).join('\n');
    this.obj.compare = compare ?? NO_COMPARE;
    this.compareCtl = this.compareCtl
      .options([NO_COMPARE, ...ids.filter((id) => id !== current)])
      .onChange((v: string) => this.h.compare(v === NO_COMPARE ? null : v));
    this.compareCtl.name('compare with');
    this.compareCtl.domElement.title = 'Run a second scenario beside this one, same seed, in lockstep (C)';
  }

  setSeed(seed: number): void {
    this.obj.seed = String(seed);
    this.seedCtl.updateDisplay();
  }

  setTheme(mode: string): void {
    this.obj.theme = mode;
    for (const c of this.gui.controllersRecursive()) if (c.property === 'theme') c.updateDisplay();
  }

  /** Show the lever values of the step on screen; mark the levers the user changed. */
  setLevers(values: Readonly<Record<LeverName, number>>, edited: ReadonlySet<LeverName>): void {
    for (const info of LEVERS) {
      const c = this.leverCtl.get(info.name)!;
      const v = values[info.name];
      if (this.obj[`lever_${info.name}`] !== v) {
        this.obj[`lever_${info.name}`] = v;
        c.updateDisplay();
        c.name(sentence(info, v));
      }
      c.domElement.classList.toggle('edited', edited.has(info.name));
    }
  }

  /**
   * The weights folder for a roster: one closed folder per actor, one slider (0..WEIGHT_MAX, as links
   * allow) per term it weighs. Built again only for a new roster or new scenario weights; otherwise the
   * values are updated in place, so a folder the user opened stays open and focus stays where it is.
   */
  setWeights(
    actors: readonly { id: string; name: string }[],
    weights: Readonly<Record<string, Partial<Record<TermName, number>>>>,
    edited: Readonly<Record<string, Partial<Record<TermName, number>>>>,
  ): void {
    const key = JSON.stringify([actors.map((a) => [a.id, a.name]), weights]);
    if (key !== this.weightsKey) {
      this.weightsKey = key;
      this.buildWeights(actors, weights);
    }
    for (const w of this.weightCtl) {
      const v = edited[w.actor]?.[w.term] ?? w.base;
      if (w.obj[w.term] !== v) {
        w.obj[w.term] = v;
        w.ctl.updateDisplay();
      }
      w.ctl.domElement.classList.toggle('edited', edited[w.actor]?.[w.term] !== undefined);
    }
  }

  private weightsKey = '';
  private weightCtl: { actor: string; term: TermName; base: number; obj: Record<string, number>; ctl: Controller }[] =
    [];

  private buildWeights(
    actors: readonly { id: string; name: string }[],
    weights: Readonly<Record<string, Partial<Record<TermName, number>>>>,
  ): void {
    for (const f of [...this.weightsFolder.folders]) f.destroy();
    for (const c of [...this.weightsFolder.controllers]) c.destroy();
    this.weightCtl = [];
    const note = this.weightsFolder.domElement.querySelector('.note');
    if (!note) {
      const p = document.createElement('p');
      p.className = 'note';
      p.textContent = `Weights (0 to ${WEIGHT_MAX}) change what each actor values; they apply to the whole run, from its start.`;
      this.weightsFolder.domElement.querySelector('.lil-children')?.prepend(p);
    }
    for (const a of actors) {
      const terms = weights[a.id];
      if (!terms) continue;
      const entries = Object.entries(terms).filter(([, v]) => v !== undefined) as [TermName, number][];
      if (entries.length === 0) continue;
      const f = this.weightsFolder.addFolder(`${a.name} (${a.id})`).close();
      const o: Record<string, number> = {};
      for (const [term, v] of entries) {
        o[term] = v;
        const c = f
          .add(o, term, 0, WEIGHT_MAX, 0.05)
          .name(term)
          .onFinishChange((x: number) => this.h.weight(a.id, term, x));
        c.domElement.title = `Weight of ${a.name}'s ${term} term, 0 to ${WEIGHT_MAX} (scenario: ${v})`;
        this.weightCtl.push({ actor: a.id, term, base: v, obj: o, ctl: c });
      }
    }
    this.weightsFolder.add(this.obj, 'resetWeights').name('undo my weight changes');
  }
}
