// The Pixi application: one canvas holding one scene, or two side by side in compare mode.
import 'pixi.js/unsafe-eval';
import { Application, Graphics } from 'pixi.js';
import { Scene } from './scene';
import { hex, type Theme } from './theme';

/** Below this width (px) compare mode stacks the two scenes instead of setting them side by side. */
const STACK_BELOW = 560;

export class Stage {
  readonly app = new Application();
  readonly scenes: Scene[] = [];
  private readonly bg = new Graphics();
  private readonly divider = new Graphics();
  private theme!: Theme;
  private split = false;
  private firstFrame = true;
  /** Called once per rendered frame with the frame's start time. */
  onFrame: (now: number) => void = () => {};

  async init(host: HTMLElement, theme: Theme): Promise<void> {
    this.theme = theme;
    await this.app.init({
      resizeTo: host,
      antialias: true,
      autoDensity: true,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      background: theme.bg,
      // Canvas 2D: a few dozen strokes and labels draw faster there than through WebGL, above all where
      // WebGL is emulated in software (headless Chromium: 24 ms per frame instead of 90).
      preference: 'canvas',
      preserveDrawingBuffer: false,
      autoStart: false,
    });
    this.app.canvas.setAttribute('aria-hidden', 'true');
    host.appendChild(this.app.canvas);
    this.app.stage.addChild(this.bg, this.divider);
    for (let k = 0; k < 2; k++) {
      const s = new Scene(theme);
      this.scenes.push(s);
      this.app.stage.addChild(s.root);
    }
    this.app.renderer.on('resize', () => this.relayout());
    new ResizeObserver(() => this.app.resize()).observe(host);
    // Render on demand: our own frame loop draws the stage only when a scene changed.
    this.relayout();
    const loop = () => {
      this.frame();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  setSplit(split: boolean): void {
    this.split = split;
    this.scenes[1].root.visible = split;
    this.relayout();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.app.renderer.background.color = theme.bg;
    for (const s of this.scenes) s.setTheme(theme);
    this.relayout();
  }

  relayout(): void {
    const w = this.app.screen.width;
    const h = this.app.screen.height;
    this.bg
      .clear()
      .rect(0, 0, w, h)
      .fill({ color: hex(this.theme.bg) });
    this.divider.clear();
    if (this.split && w < STACK_BELOW) {
      // Too narrow for two scenes side by side (a phone): A above B.
      const half = Math.floor(h / 2);
      this.scenes[0].layout(0, 0, w, half);
      this.scenes[1].layout(0, half, w, h - half);
      this.divider
        .moveTo(12, half)
        .lineTo(w - 12, half)
        .stroke({ width: 1, color: hex(this.theme.grid) });
    } else if (this.split) {
      const half = Math.floor(w / 2);
      this.scenes[0].layout(0, 0, half, h);
      this.scenes[1].layout(half, 0, w - half, h);
      this.divider
        .moveTo(half, 12)
        .lineTo(half, h - 12)
        .stroke({ width: 1, color: hex(this.theme.grid) });
    } else {
      this.scenes[0].layout(0, 0, w, h);
    }
    this.needsRender = true;
  }

  private needsRender = true;

  requestRender(): void {
    this.needsRender = true;
  }

  private frame(): void {
    const now = performance.now();
    let drew = false;
    for (const s of this.scenes) if (s.root.visible && s.tick(now)) drew = true;
    if (drew || this.needsRender) {
      this.needsRender = false;
      this.app.render();
      if (this.firstFrame) {
        this.firstFrame = false;
        performance.mark('first-frame');
      }
    }
    this.onFrame(now);
    this.lastWork = performance.now() - now;
  }

  /** Milliseconds the last frame took (scenes, render, and the app's per-frame work). */
  lastWork = 0;

  get animating(): boolean {
    return this.scenes.some((s) => s.root.visible && s.animating);
  }

  /** The stage as drawn, on a canvas of its own (for the report). */
  canvas(): HTMLCanvasElement | null {
    this.app.render();
    return this.app.renderer.extract.canvas({ target: this.app.stage }) as HTMLCanvasElement;
  }

  /** Pixel statistics of the rendered stage, for the end-to-end tests (is the canvas drawn?). */
  pixelStats(): { width: number; height: number; nonBackground: number; colours: number; digest: string } {
    const { pixels, width, height } = this.app.renderer.extract.pixels({ target: this.app.stage });
    const bg = hex(this.theme.bg);
    const br = (bg >> 16) & 255;
    const bgG = (bg >> 8) & 255;
    const bb = bg & 255;
    let nonBackground = 0;
    const colours = new Set<number>();
    // FNV-1a over the pixels: two stages that draw the same picture have the same digest.
    let h = 0x811c9dc5;
    for (let k = 0; k < pixels.length; k++) h = Math.imul(h ^ pixels[k], 0x01000193);
    for (let k = 0; k < pixels.length; k += 4) {
      const r = pixels[k];
      const g = pixels[k + 1];
      const b = pixels[k + 2];
      if (Math.abs(r - br) + Math.abs(g - bgG) + Math.abs(b - bb) > 24) nonBackground++;
      if (colours.size < 5000) colours.add((r << 16) | (g << 8) | b);
    }
    return { width, height, nonBackground, colours: colours.size, digest: (h >>> 0).toString(16) };
  }
}
