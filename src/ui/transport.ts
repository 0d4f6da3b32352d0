// The transport bar: reset, step back, play/pause, step forward, the timeline with the real events
// marked on it, speed, and the hash of the quarter shown (its tooltip gives the CLI command that prints
// it). Playing advances by the speed on each animation frame.

import type { Intent } from '../app/intents';
import { frame, reproduceFor } from '../app/select';
import type { Store } from '../app/store';
import { dateAt } from '../app/timeline';
import { REAL_EVENTS } from '../data/events';
import { parseQuarter } from '../model/time';
import { byId, h } from './dom';

export class Transport {
  private readonly scrub = byId<HTMLInputElement>('t-scrub');
  private readonly when = byId<HTMLOutputElement>('t-when');
  private readonly playBtn = byId<HTMLButtonElement>('t-play');
  private readonly speedSel = byId<HTMLSelectElement>('t-speed');
  private readonly marks = byId('t-marks');
  private readonly hash = byId('hash');
  private last = 0;
  private acc = 0;

  constructor(
    private readonly store: Store,
    private readonly dispatch: (i: Intent) => void,
  ) {
    byId('t-reset').addEventListener('click', () => dispatch({ type: 'seek', t: 0 }));
    byId('t-back').addEventListener('click', () => dispatch({ type: 'step', by: -1 }));
    byId('t-fwd').addEventListener('click', () => dispatch({ type: 'step', by: 1 }));
    this.playBtn.addEventListener('click', () => dispatch({ type: 'togglePlay' }));
    // Scrubbing jumps straight to the step: every state is kept, so this is a lookup.
    this.scrub.addEventListener('input', () => {
      dispatch({ type: 'pause' });
      dispatch({ type: 'seek', t: Number(this.scrub.value) });
    });
    store.watch(
      (s) => s.playing,
      (on) => {
        this.playBtn.textContent = on ? '▮▮ pause' : '▶ play';
        this.playBtn.setAttribute('aria-pressed', String(on));
        this.last = 0;
        this.acc = 0;
      },
    );
    store.watch(
      (s) => [s.doc.t, store.runs(s)] as const,
      ([t, runs]) => {
        const last = runs.timeline.last;
        const date = dateAt(runs.timeline, t);
        this.scrub.max = String(last);
        this.scrub.value = String(t);
        this.scrub.setAttribute('aria-valuetext', `${date}, step ${t} of ${last}`);
        this.when.textContent = `${date} · ${t}/${last}`;
      },
      { eq: (a, b) => a[0] === b[0] && a[1] === b[1] },
    );
    store.watch(
      (s) => store.runs(s).timeline,
      (tl) => {
        const marks = REAL_EVENTS.map((e) => ({ e, q: parseQuarter(e.date) }))
          .filter((x): x is { e: (typeof REAL_EVENTS)[number]; q: number } => x.q !== null)
          .filter((x) => x.q >= tl.origin && x.q <= tl.origin + tl.last);
        this.marks.replaceChildren(
          ...marks.map(({ e, q }) => {
            const t = q - tl.origin;
            const b = h('button', {
              class: 'mark',
              text: e.tag,
              title: `${e.date}: ${e.text} (click to go there)`,
              attrs: { type: 'button', 'aria-label': `${e.date}: ${e.text}` },
              style: { '--at': String(tl.last > 0 ? t / tl.last : 0) },
              on: { click: () => dispatch({ type: 'seek', t }) },
            });
            b.dataset.date = e.date;
            return b;
          }),
        );
        requestAnimationFrame(() => this.declutter());
      },
    );
    new ResizeObserver(() => this.declutter()).observe(this.marks);
    store.watch(
      (s) => [s.doc, store.runs(s)] as const,
      ([, runs]) => this.footer(runs),
      { eq: (a, b) => a[0] === b[0] && a[1] === b[1] },
    );
  }

  /** A label that would run into the one before it shows as a tick (its words stay in the tooltip). */
  private declutter(): void {
    let right = Number.NEGATIVE_INFINITY;
    const edge = this.marks.getBoundingClientRect().right;
    for (const b of this.marks.querySelectorAll<HTMLElement>('.mark')) {
      b.classList.remove('tick-only', 'flip');
      // Near the end of the timeline a label reads leftwards from its mark.
      if (b.getBoundingClientRect().right > edge) b.classList.add('flip');
      const r = b.getBoundingClientRect();
      if (r.left < right + 4) b.classList.add('tick-only');
      else right = r.right;
    }
  }

  private footer(runs: ReturnType<Store['runs']>): void {
    const s = this.store.get();
    const f = frame(s, runs);
    const rec = f.a.rec;
    const r = reproduceFor(s, runs);
    const el = this.hash;
    el.textContent = `hash ${rec.hash.slice(0, 8)}…`;
    el.title = `Hash of ${runs.a.id}'s state at step ${rec.t} (${rec.date}): ${rec.hash}.\n${r.exact ? 'This command prints it' : 'Command line'}:\n${r.command}\n${r.note}`;
    el.dataset.command = r.command;
    el.dataset.exact = String(r.exact);
    el.dataset.hash = rec.hash;
    el.dataset.t = String(rec.t);
    el.dataset.hashEnd = runs.a.records[runs.a.horizon].hash;
  }

  get speed(): number {
    const v = this.speedSel.value;
    return v === 'max' ? Number.POSITIVE_INFINITY : Number(v);
  }

  /** Every animation frame: while playing, advance by the speed (quarters per second); at max, one per frame. */
  frame(now: number): void {
    const s = this.store.get();
    if (!s.playing) return;
    if (this.last === 0) {
      this.last = now;
      return;
    }
    const dt = now - this.last;
    this.last = now;
    let steps: number;
    const v = this.speed;
    if (!Number.isFinite(v)) steps = 1;
    else {
      this.acc += (dt / 1000) * v;
      steps = Math.floor(this.acc);
      this.acc -= steps;
    }
    if (steps <= 0) return;
    const last = this.store.runs(s).timeline.last;
    const t = Math.min(last, s.doc.t + steps);
    this.dispatch({ type: 'seek', t, animate: true });
    if (t >= last) this.dispatch({ type: 'pause' });
  }
}
