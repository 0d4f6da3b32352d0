// The transport bar (reset, step back, play/pause, step forward, scrubber, speed) and the keyboard
// shortcuts. It owns playing time; the app owns which step is shown.

export interface TransportHandlers {
  seek(t: number, animate: boolean): void;
  reset(): void;
  /** Called when playing starts or stops. */
  playing(on: boolean): void;
  toggleCompare(): void;
  toggleInfo(): void;
}

export class Transport {
  private readonly scrub: HTMLInputElement;
  private readonly when: HTMLOutputElement;
  private readonly playBtn: HTMLButtonElement;
  private readonly speedSel: HTMLSelectElement;
  private t = 0;
  private horizon = 0;
  private playingOn = false;
  private last = 0;
  private acc = 0;

  constructor(private readonly h: TransportHandlers) {
    const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    this.scrub = $<HTMLInputElement>('t-scrub');
    this.when = $<HTMLOutputElement>('t-when');
    this.playBtn = $<HTMLButtonElement>('t-play');
    this.speedSel = $<HTMLSelectElement>('t-speed');
    $('t-reset').addEventListener('click', () => this.reset());
    $('t-back').addEventListener('click', () => this.stepBy(-1));
    $('t-fwd').addEventListener('click', () => this.stepBy(1));
    this.playBtn.addEventListener('click', () => this.toggle());
    // Scrubbing jumps straight to the step: the run keeps every state, so this is a lookup.
    this.scrub.addEventListener('input', () => {
      this.pause();
      this.h.seek(Number(this.scrub.value), false);
    });
    document.addEventListener('keydown', (e) => this.key(e));
  }

  get speed(): number {
    const v = this.speedSel.value;
    return v === 'max' ? Number.POSITIVE_INFINITY : Number(v);
  }

  set speedValue(v: string) {
    this.speedSel.value = v;
  }

  get isPlaying(): boolean {
    return this.playingOn;
  }

  set(t: number, horizon: number, date: string): void {
    this.t = t;
    this.horizon = horizon;
    this.scrub.max = String(horizon);
    this.scrub.value = String(t);
    this.scrub.setAttribute('aria-valuetext', `${date}, step ${t} of ${horizon}`);
    this.when.textContent = `${date} · ${t}/${horizon}`;
    if (t >= horizon && this.playingOn) this.pause();
  }

  stepBy(d: number): void {
    this.pause();
    const t = Math.max(0, Math.min(this.horizon, this.t + d));
    if (t !== this.t) this.h.seek(t, true);
  }

  reset(): void {
    this.pause();
    this.h.reset();
  }

  toggle(): void {
    if (this.playingOn) this.pause();
    else this.play();
  }

  play(): void {
    if (this.playingOn) return;
    if (this.t >= this.horizon) this.h.seek(0, false);
    this.playingOn = true;
    this.last = performance.now();
    this.acc = 0;
    this.playBtn.textContent = '▮▮ pause';
    this.playBtn.setAttribute('aria-pressed', 'true');
    this.h.playing(true);
  }

  pause(): void {
    if (!this.playingOn) return;
    this.playingOn = false;
    this.playBtn.textContent = '▶ play';
    this.playBtn.setAttribute('aria-pressed', 'false');
    this.h.playing(false);
  }

  /** Called every frame: advance by the speed (quarters per second); at max, one quarter per frame. */
  frame(now: number): void {
    if (!this.playingOn) return;
    const dt = now - this.last;
    this.last = now;
    const s = this.speed;
    let steps: number;
    if (!Number.isFinite(s)) steps = 1;
    else {
      this.acc += (dt / 1000) * s;
      steps = Math.floor(this.acc);
      this.acc -= steps;
    }
    if (steps <= 0) return;
    const t = Math.min(this.horizon, this.t + steps);
    this.h.seek(t, true);
    if (t >= this.horizon) this.pause();
  }

  private key(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target as HTMLElement | null;
    const tag = el?.tagName ?? '';
    const typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable;
    // The scrubber keeps its own arrows; a focused button keeps its own space.
    if (typing && !(el === this.scrub && (e.key === ' ' || e.key === 'r' || e.key === 'R'))) return;
    if (tag === 'BUTTON' && e.key === ' ') return;
    if (document.querySelector('dialog[open]') && e.key !== 'Escape') return;
    switch (e.key) {
      case ' ':
        e.preventDefault();
        this.toggle();
        break;
      case 'ArrowRight':
        e.preventDefault();
        this.stepBy(1);
        break;
      case 'ArrowLeft':
        e.preventDefault();
        this.stepBy(-1);
        break;
      case 'r':
      case 'R':
        this.reset();
        break;
      case 'c':
      case 'C':
        this.h.toggleCompare();
        break;
      case 'i':
      case 'I':
        this.h.toggleInfo();
        break;
      default:
    }
  }
}
