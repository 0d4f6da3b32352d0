// The control panel (lil-gui): scenario, seed, compare, every lever as a sentence with its value, and
// utility weights per actor (folded). Under a lever, a line says which of the scenario's scheduled
// events a change now would stop, or has stopped, from moving it. The panel shows the state and turns
// what the user does into intents. The mouse wheel scrolls the panel; it changes a slider only when
// that slider has the focus (lil-gui would otherwise take the wheel over any slider it passes).
import GUI, { type Controller } from 'lil-gui';
import type { Runs } from '../app/derive';
import { type Doc, WEIGHT_MAX } from '../app/doc';
import { fmtLever } from '../app/format';
import { decider, type Override, overrides, scheduled } from '../app/insight';
import type { Intent } from '../app/intents';
import { libraryIds, resolveOrDefault, titleOf } from '../app/library';
import { frame } from '../app/select';
import type { AppState } from '../app/state';
import type { Store } from '../app/store';
import { LEVERS, type LeverInfo, type LeverName } from '../model/levers';
import type { TermName } from '../model/spec';
import { h } from './dom';

const NO_COMPARE = '(off)';

function sentence(info: LeverInfo, v: number): string {
  return info.sentence.replace('{v}', fmtLever(v, info.max));
}

/** Only a focused slider takes the wheel; over any other, the wheel scrolls the panel. */
export function guardWheel(host: HTMLElement): void {
  host.addEventListener(
    'wheel',
    (e) => {
      const target = e.target as HTMLElement | null;
      const ctl = target?.closest('.lil-controller');
      if (!ctl) return;
      if (!ctl.contains(document.activeElement)) e.stopPropagation();
    },
    { capture: true },
  );
}

interface LeverRow {
  info: LeverInfo;
  ctl: Controller;
  note: HTMLElement;
}

export class Panel {
  readonly gui: GUI;
  private readonly obj: Record<string, string | number | (() => void)>;
  private readonly levers = new Map<LeverName, LeverRow>();
  private scenarioCtl!: Controller;
  private compareCtl!: Controller;
  private seedCtl!: Controller;
  private leverFolder!: GUI;
  private weightsFolder!: GUI;
  private weightsKey = '';
  private weightCtl: { actor: string; term: TermName; base: number; obj: Record<string, number>; ctl: Controller }[] =
    [];

  constructor(
    host: HTMLElement,
    private readonly dispatch: (i: Intent) => void,
  ) {
    this.gui = new GUI({ container: host, title: 'Controls', autoPlace: false, injectStyles: false });
    this.obj = {
      scenario: '',
      seed: '1',
      compare: NO_COMPARE,
      newSeed: () => dispatch({ type: 'newSeed' }),
      resetLevers: () => dispatch({ type: 'removeEdits' }),
      resetWeights: () => dispatch({ type: 'resetWeights' }),
    };
    for (const l of LEVERS) this.obj[`lever_${l.name}`] = l.default;
    this.build();
    guardWheel(host);
  }

  private build(): void {
    const g = this.gui;
    const o = this.obj;
    this.scenarioCtl = g
      .add(o, 'scenario', [])
      .name('scenario')
      .onChange((v: string) => this.dispatch({ type: 'setScenario', id: v }));
    // A text field, not a number one: lil-gui's number field would round 2.7 to 3 and clamp silently,
    // and the app must see what was typed to say what is wrong with it.
    this.seedCtl = g
      .add(o, 'seed')
      .name('seed')
      .onFinishChange((v: string) => this.dispatch({ type: 'setSeed', text: String(v) }));
    this.seedCtl.domElement.title =
      'A whole number from 0 to 4294967295. The run is a pure function of scenario, seed and your changes';
    this.seedCtl.domElement.querySelector('input')?.setAttribute('inputmode', 'numeric');
    g.add(o, 'newSeed').name('new seed (seed + 1)');
    this.compareCtl = g
      .add(o, 'compare', [NO_COMPARE])
      .name('compare with')
      .onChange((v: string) => this.dispatch({ type: 'setCompare', id: v === NO_COMPARE ? null : v }));
    this.compareCtl.domElement.title = 'Run a second scenario beside this one, same seed, aligned by date (C)';

    const lf = g.addFolder('Levers');
    this.leverFolder = lf;
    lf.domElement.querySelector('.lil-children')?.prepend(
      h('p', {
        class: 'note',
        text: 'A lever changes from the quarter shown on; the future is recomputed and redrawn at once. Hover a label for its meaning and source.',
      }),
    );
    for (const info of LEVERS) {
      const key = `lever_${info.name}`;
      const step = info.max <= 1 ? 0.01 : info.max / 100;
      const c = lf
        .add(this.obj, key, info.min, info.max, step)
        .decimals(info.max <= 1 ? 2 : 1)
        .name(sentence(info, info.default))
        .onChange((v: number) => {
          c.name(sentence(info, v));
          this.dispatch({ type: 'setLever', name: info.name, value: v, final: false });
        })
        .onFinishChange((v: number) => this.dispatch({ type: 'setLever', name: info.name, value: v, final: true }));
      c.domElement.classList.add('sentence');
      c.domElement.dataset.lever = info.name;
      const note = h('p', { class: 'lever-note', data: { leverNote: info.name } });
      note.hidden = true;
      c.domElement.after(note);
      this.levers.set(info.name, { info, ctl: c, note });
    }
    lf.add(o, 'resetLevers').name('remove my lever changes');
    this.weightsFolder = g.addFolder('Utility weights (whole run)').close();
  }

  /** Keep the panel in step with the state. */
  connect(store: Store): void {
    store.watch(
      (s) => [s.library, s.doc.scenario, s.doc.compare] as const,
      ([lib, id, cmp]) => {
        const ids = libraryIds(lib);
        this.obj.scenario = id;
        this.scenarioCtl = this.scenarioCtl
          .options(ids)
          .onChange((v: string) => this.dispatch({ type: 'setScenario', id: v }));
        this.scenarioCtl.name('scenario');
        this.scenarioCtl.domElement.title = ids.map((x) => `${x}: ${titleOf(lib, x)}`).join('\n');
        this.obj.compare = cmp ?? NO_COMPARE;
        this.compareCtl = this.compareCtl
          .options([NO_COMPARE, ...ids.filter((x) => x !== id)])
          .onChange((v: string) => this.dispatch({ type: 'setCompare', id: v === NO_COMPARE ? null : v }));
        this.compareCtl.name('compare with');
        this.compareCtl.domElement.title = 'Run a second scenario beside this one, same seed, aligned by date (C)';
      },
      { eq: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] },
    );
    store.watch(
      (s) => s.doc.seed,
      (seed) => {
        this.obj.seed = String(seed);
        this.seedCtl.updateDisplay();
      },
    );
    // A rejected seed puts the old one back in the field.
    store.watch(
      (s) => s.messages.find((m) => m.id === 'seed')?.seq ?? 0,
      () => {
        this.obj.seed = String(store.get().doc.seed);
        this.seedCtl.updateDisplay();
      },
    );
    store.watch(
      (s) => {
        const runs = store.runs(s);
        const f = frame(s, runs);
        return { runs, doc: s.doc, step: f.a.at.step, inside: f.a.at.inside, date: f.a.rec.date };
      },
      (v) => this.showLevers(v.runs, v.doc, v.step, v.inside, v.date),
      {
        eq: (a, b) => a.runs === b.runs && a.doc.edits === b.doc.edits && a.step === b.step && a.inside === b.inside,
      },
    );
    store.watch(
      (s) => [store.runs(s).a, s.doc.weights] as const,
      ([a, weights]) =>
        this.setWeights(
          a.spec.actors,
          resolveOrDefault(store.get().library, a.id, store.get().doc.file).spec.weights,
          weights,
        ),
      { eq: (x, y) => x[0] === y[0] && x[1] === y[1] },
    );
  }

  private showLevers(runs: Runs, doc: Doc, step: number, inside: boolean, date: string): void {
    const rec = runs.a.records[step];
    this.leverFolder.title(inside ? `Levers from ${date} on` : `Levers (${runs.a.id} does not cover the date shown)`);
    const spec = runs.a.spec;
    const ov = overrides(spec, doc.edits);
    for (const [name, row] of this.levers) {
      const v = rec.levers[name];
      if (this.obj[`lever_${name}`] !== v) {
        this.obj[`lever_${name}`] = v;
        row.ctl.updateDisplay();
        row.ctl.name(sentence(row.info, v));
      }
      const edited = doc.edits.some((e) => e.name === name && e.t <= step);
      row.ctl.domElement.classList.toggle('edited', edited);
      const mine = ov.filter((o) => o.lever === name);
      const ahead = scheduled(spec, name, step + 1);
      const who = decider(spec, name);
      const whoName = who ? (spec.actors.find((a) => a.id === who)?.name ?? who) : null;
      const lines = this.noteLines(row.info, mine, ahead, edited, whoName);
      row.note.hidden = lines.length === 0;
      row.note.replaceChildren(...lines.map((l) => h('span', { class: l.cls, text: l.text })));
      row.ctl.domElement.title = [
        `${name}: ${row.info.meaning}.`,
        `Source: ${row.info.source}`,
        ...lines.map((l) => l.text),
      ].join('\n');
    }
  }

  private noteLines(
    info: LeverInfo,
    mine: readonly Override[],
    ahead: ReturnType<typeof scheduled>,
    edited: boolean,
    decider: string | null,
  ): { cls: string; text: string }[] {
    const out: { cls: string; text: string }[] = [];
    const val = (v: number) => fmtLever(v, info.max);
    if (mine.length > 0) {
      for (const o of mine) {
        const cond = o.conditional ? ` if ${o.conditional}` : '';
        out.push({
          cls: 'stopped',
          text: o.sameStep
            ? `Your change replaces “${o.label}” (${val(o.value)}) at ${o.date}${cond}.`
            : `Your change from ${o.editDate} stops “${o.label}” from setting it to ${val(o.value)} at ${o.date}${cond}.`,
        });
      }
    } else if (!edited) {
      for (const s of ahead) {
        const cond = s.conditional ? ` if ${s.conditional}` : '';
        out.push({
          cls: 'scheduled',
          text: `Scheduled: “${s.label}” sets it to ${val(s.value)} at ${s.date}${cond}; moving it now stops that.`,
        });
      }
    }
    if (edited && decider) out.push({ cls: 'stopped', text: `${decider}'s own decisions no longer move it.` });
    return out;
  }

  private setWeights(
    actors: readonly { id: string; name: string }[],
    weights: Readonly<Record<string, Partial<Record<TermName, number>>>>,
    edited: AppState['doc']['weights'],
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

  private buildWeights(
    actors: readonly { id: string; name: string }[],
    weights: Readonly<Record<string, Partial<Record<TermName, number>>>>,
  ): void {
    for (const f of [...this.weightsFolder.folders]) f.destroy();
    for (const c of [...this.weightsFolder.controllers]) c.destroy();
    this.weightCtl = [];
    if (!this.weightsFolder.domElement.querySelector('.note')) {
      this.weightsFolder.domElement.querySelector('.lil-children')?.prepend(
        h('p', {
          class: 'note',
          text: `Weights (0 to ${WEIGHT_MAX}) change what each actor values; they apply to the whole run, from its start.`,
        }),
      );
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
          .onFinishChange((x: number) => this.dispatch({ type: 'setWeight', actor: a.id, term, value: x }));
        c.domElement.title = `Weight of ${a.name}'s ${term} term, 0 to ${WEIGHT_MAX} (scenario: ${v})`;
        this.weightCtl.push({ actor: a.id, term, base: v, obj: o, ctl: c });
      }
    }
    this.weightsFolder.add(this.obj, 'resetWeights').name('remove my weight changes');
  }
}
