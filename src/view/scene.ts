// One Pixi scene: the triangle US–CN–RU at the centre, the regional actors on a ring around it.
// It reads step records only (never the model or its generator) and eases between them.
// Ties: width = strength, hue = sign (blue amity, orange enmity), dashed when |tie| < 0.05.
// The triangle's side lengths follow its ties (friends closer), so its shape is the state at a glance.
import { CanvasTextMetrics, Circle, Container, Graphics, Text } from 'pixi.js';
import { CONFIG_NAMES, configSentence, fmtSigned } from '../app/format';
import type { StepRecord } from '../sim/run';
import { hex, mix, type Theme } from './theme';

export interface SceneActor {
  id: string;
  name: string;
  color: string;
}

const CORNERS = ['US', 'CN', 'RU'] as const;
const NEAR_ZERO = 0.05;
const EASE_MS = 200;
/** Widest an actor's name may be drawn (px); a longer one is cut with an ellipsis (the tooltip has it whole). */
const MAX_LABEL = 170;
/** Labels keep this far from the scene's edges. */
const EDGE = 6;
/** Height kept for the one-row legend at the bottom of a narrow scene. */
const COMPACT_LEGEND = 24;

/** Screen angles (degrees, 0 = right, 90 = down) roughly as on a map: Europe west, Japan east. */
const RING_ANGLE: Record<string, number> = {
  EU: 200,
  CA: 160,
  ASEAN: 118,
  VN: 78,
  JP: 350,
  KR: 322,
  KP: 295,
};
const FREE_ANGLES = [250, 290, 140, 45, 180, 0, 100, 230, 305, 60, 270, 335];

function easeInOutCubic(p: number): number {
  return p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2;
}

interface NodeView {
  actor: SceneActor;
  index: number;
  corner: boolean;
  box: Container;
  disc: Graphics;
  idText: Text | null;
  nameText: Text;
  roleText: Text | null;
  /** What the name label was last fitted to: text, width and weight. */
  fitted: string;
  x: number;
  y: number;
  r: number;
  angle: number;
}

function dashed(g: Graphics, x1: number, y1: number, x2: number, y2: number, dash: number, gap: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 1) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += dash + gap) {
    const e = Math.min(d + dash, len);
    g.moveTo(x1 + ux * d, y1 + uy * d).lineTo(x1 + ux * e, y1 + uy * e);
  }
}

function dashedCircle(g: Graphics, x: number, y: number, r: number, segments: number): void {
  for (let k = 0; k < segments; k++) {
    const a0 = (k / segments) * Math.PI * 2;
    const a1 = a0 + (Math.PI * 2) / segments / 2;
    g.moveTo(x + r * Math.cos(a0), y + r * Math.sin(a0)).arc(x, y, r, a0, a1);
  }
}

export class Scene {
  readonly root = new Container();
  private readonly edgeLayer = new Graphics();
  private readonly ringLayer = new Graphics();
  private readonly nodeLayer = new Container();
  private readonly labelLayer = new Container();
  private readonly legendBox = new Container();
  private readonly legend = new Graphics();
  private readonly legendTexts: Text[] = [];
  private readonly tieTexts: Text[] = [];
  private readonly title: Text;
  private readonly configText: Text;
  private readonly sentenceText: Text;
  private readonly dateText: Text;
  private readonly stepText: Text;
  /** Why the scene shows another quarter than the timeline's (compare mode, a run not covering the date). */
  private readonly noteText: Text;
  private note = '';
  private nodes: NodeView[] = [];
  private byId = new Map<string, NodeView>();
  private n = 0;
  private shown = new Float64Array(0);
  private from = new Float64Array(0);
  private to = new Float64Array(0);
  private animStart = -1;
  private dirty = true;
  private rec: StepRecord | null = null;
  private horizon = 0;
  private bounds = { x: 0, y: 0, w: 800, h: 500 };
  private hovered: string | null = null;
  private selected: string | null = null;
  private theme: Theme;
  private label = '';
  onHover: (id: string | null) => void = () => {};
  onSelect: (id: string) => void = () => {};

  constructor(theme: Theme) {
    this.theme = theme;
    const f = theme.font;
    this.title = new Text({ text: '', style: { fontFamily: f, fontSize: 13, fill: theme.muted, fontWeight: '600' } });
    this.configText = new Text({
      text: '',
      style: { fontFamily: f, fontSize: 19, fill: theme.ink, fontWeight: '700' },
    });
    this.sentenceText = new Text({
      text: '',
      style: { fontFamily: f, fontSize: 13, fill: theme.muted, wordWrap: true, wordWrapWidth: 300 },
    });
    this.dateText = new Text({ text: '', style: { fontFamily: f, fontSize: 22, fill: theme.ink, fontWeight: '700' } });
    this.stepText = new Text({ text: '', style: { fontFamily: f, fontSize: 12, fill: theme.muted } });
    this.noteText = new Text({
      text: '',
      style: {
        fontFamily: f,
        fontSize: 13,
        fill: theme.ink,
        fontStyle: 'italic',
        align: 'center',
        wordWrap: true,
        wordWrapWidth: 300,
      },
    });
    this.dateText.anchor.set(1, 0);
    this.stepText.anchor.set(1, 0);
    this.noteText.anchor.set(0.5, 1);
    for (let k = 0; k < 3; k++) {
      const t = new Text({
        text: '',
        style: {
          fontFamily: f,
          fontSize: 12,
          fill: theme.muted,
          fontWeight: '600',
          stroke: { color: theme.bg, width: 4 },
        },
      });
      t.anchor.set(0.5);
      this.tieTexts.push(t);
    }
    for (const s of ['amity', 'enmity', 'near zero', 'width = strength']) {
      this.legendTexts.push(new Text({ text: s, style: { fontFamily: f, fontSize: 12, fill: theme.muted } }));
    }
    this.root.addChild(this.ringLayer, this.edgeLayer, this.nodeLayer, this.labelLayer, this.legendBox);
    this.labelLayer.addChild(
      ...this.tieTexts,
      this.title,
      this.configText,
      this.sentenceText,
      this.dateText,
      this.stepText,
      this.noteText,
    );
    this.legendBox.addChild(this.legend, ...this.legendTexts);
  }

  /** Build the nodes for a roster (a new scenario). */
  setActors(actors: readonly SceneActor[], label: string): void {
    this.label = label;
    // A node's name and role labels live in the label layer (drawn above every node), not in its box:
    // destroy them with the box, or they stay on screen under the next roster's labels.
    for (const nv of this.nodes) {
      nv.nameText.destroy();
      nv.roleText?.destroy();
      nv.box.destroy({ children: true });
    }
    this.nodes = [];
    this.byId.clear();
    this.n = actors.length;
    this.shown = new Float64Array(this.n * this.n);
    this.from = new Float64Array(this.n * this.n);
    this.to = new Float64Array(this.n * this.n);
    this.rec = null;
    const used = actors.filter((a) => RING_ANGLE[a.id] !== undefined).map((a) => RING_ANGLE[a.id]);
    const f = this.theme.font;
    actors.forEach((actor, index) => {
      const corner = (CORNERS as readonly string[]).includes(actor.id);
      let angle = RING_ANGLE[actor.id];
      if (!corner && angle === undefined) {
        angle =
          FREE_ANGLES.find((a) => used.every((u) => Math.abs(((a - u + 540) % 360) - 180) > 18)) ??
          (used.length * 37) % 360;
        used.push(angle);
      }
      const box = new Container();
      box.eventMode = 'static';
      box.cursor = 'pointer';
      const disc = new Graphics();
      box.addChild(disc);
      let idText: Text | null = null;
      let roleText: Text | null = null;
      const nameText = new Text({
        text: actor.name,
        style: {
          fontFamily: f,
          fontSize: corner ? 15 : 13,
          fill: this.theme.ink,
          fontWeight: corner ? '700' : '500',
          stroke: { color: this.theme.bg, width: 4 },
        },
      });
      if (corner) {
        idText = new Text({
          text: actor.id,
          style: { fontFamily: f, fontSize: 14, fill: '#ffffff', fontWeight: '700' },
        });
        idText.anchor.set(0.5);
        box.addChild(idText);
        roleText = new Text({
          text: '',
          style: { fontFamily: f, fontSize: 13, fill: this.theme.muted, stroke: { color: this.theme.bg, width: 4 } },
        });
        this.labelLayer.addChild(roleText);
      }
      this.labelLayer.addChild(nameText);
      const nv: NodeView = {
        actor,
        index,
        corner,
        box,
        disc,
        idText,
        nameText,
        roleText,
        fitted: '',
        x: 0,
        y: 0,
        r: corner ? 25 : 13,
        angle: angle ?? 0,
      };
      box.hitArea = new Circle(0, 0, nv.r + 6);
      box.on('pointerover', () => this.onHover(actor.id));
      box.on('pointerout', () => this.onHover(null));
      box.on('pointertap', () => this.onSelect(actor.id));
      this.nodeLayer.addChild(box);
      this.nodes.push(nv);
      this.byId.set(actor.id, nv);
    });
    this.dirty = true;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.title.style.fill = theme.muted;
    this.configText.style.fill = theme.ink;
    this.sentenceText.style.fill = theme.muted;
    this.dateText.style.fill = theme.ink;
    this.stepText.style.fill = theme.muted;
    this.noteText.style.fill = theme.ink;
    for (const t of this.tieTexts) {
      t.style.fill = theme.muted;
      t.style.stroke = { color: theme.bg, width: 4 };
    }
    for (const t of this.legendTexts) t.style.fill = theme.muted;
    for (const nv of this.nodes) {
      nv.nameText.style.fill = theme.ink;
      nv.nameText.style.stroke = { color: theme.bg, width: 4 };
      if (nv.roleText) {
        nv.roleText.style.fill = theme.muted;
        nv.roleText.style.stroke = { color: theme.bg, width: 4 };
      }
    }
    this.dirty = true;
  }

  layout(x: number, y: number, w: number, h: number): void {
    this.bounds = { x, y, w, h };
    this.dirty = true;
  }

  setHover(id: string | null): void {
    if (this.hovered !== id) {
      this.hovered = id;
      this.dirty = true;
    }
  }

  /** A note over the scene, and the scene dimmed, while the run does not cover the date shown ('' clears). */
  setNote(note: string): void {
    if (note !== this.note) {
      this.note = note;
      this.dirty = true;
    }
  }

  setSelected(id: string | null): void {
    if (this.selected !== id) {
      this.selected = id;
      this.dirty = true;
    }
  }

  /** Show a step. With animate, ties ease from what is on screen now to the new values. */
  setRecord(rec: StepRecord, horizon: number, animate: boolean, now: number): void {
    const first = this.rec === null;
    this.rec = rec;
    this.horizon = horizon;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = this.nodes[i].actor.id;
        const b = this.nodes[j].actor.id;
        const v = rec.ties[a < b ? `${a}-${b}` : `${b}-${a}`] ?? 0;
        this.to[i * n + j] = v;
        this.to[j * n + i] = v;
      }
    }
    if (animate && !first) {
      this.from.set(this.shown);
      this.animStart = now;
    } else {
      this.shown.set(this.to);
      this.animStart = -1;
    }
    this.dirty = true;
  }

  /** Advance the easing; redraw when something changed. Returns whether it drew. */
  tick(now: number): boolean {
    if (this.animStart >= 0) {
      const p = Math.min(1, (now - this.animStart) / EASE_MS);
      const e = easeInOutCubic(p);
      for (let k = 0; k < this.shown.length; k++) this.shown[k] = this.from[k] + (this.to[k] - this.from[k]) * e;
      if (p >= 1) this.animStart = -1;
      this.dirty = true;
    }
    if (!this.dirty) return false;
    this.dirty = false;
    this.draw();
    return true;
  }

  get animating(): boolean {
    return this.animStart >= 0;
  }

  /** Where an actor is drawn, in canvas pixels (for tooltips). */
  nodePosition(id: string): { x: number; y: number; r: number } | null {
    const nv = this.byId.get(id);
    return nv ? { x: nv.x, y: nv.y, r: nv.r } : null;
  }

  /**
   * The labels drawn, for tests: every Text object under this scene, the count a roster of this size
   * should have, and each actor's name label (its text, its full name, its box in canvas pixels).
   */
  labelInfo(): {
    texts: number;
    expected: number;
    names: {
      id: string;
      text: string;
      full: string;
      visible: boolean;
      box: { x: number; y: number; w: number; h: number };
    }[];
  } {
    let texts = 0;
    const count = (c: Container): void => {
      for (const ch of c.children) {
        if (ch instanceof Text) texts++;
        else if (ch instanceof Container) count(ch);
      }
    };
    count(this.root);
    const fixed = this.tieTexts.length + this.legendTexts.length + 6; // title, configuration, sentence, date, step, note
    const corners = this.nodes.filter((nv) => nv.corner).length;
    return {
      texts,
      expected: fixed + this.nodes.length + 2 * corners,
      names: this.nodes.map((nv) => {
        const b = nv.nameText.getBounds();
        return {
          id: nv.actor.id,
          text: nv.nameText.text,
          full: nv.actor.name,
          visible: nv.nameText.visible && this.root.visible,
          box: { x: b.x, y: b.y, w: b.width, h: b.height },
        };
      }),
    };
  }

  /** Show `full` in a node's name label, cut with an ellipsis to at most `maxW` pixels. */
  private fitName(nv: NodeView, full: string, maxW: number): void {
    const t = nv.nameText;
    const w = Math.max(24, Math.min(MAX_LABEL, maxW));
    const key = `${full}|${Math.floor(w)}|${String(t.style.fontWeight)}|${t.style.fontSize}`;
    if (key === nv.fitted) return;
    nv.fitted = key;
    const width = (s: string) => CanvasTextMetrics.measureText(s, t.style).width;
    let text = full;
    if (width(full) > w) {
      // The longest prefix that fits with its ellipsis (binary search on the length).
      let lo = 1;
      let hi = full.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (width(`${full.slice(0, mid).trimEnd()}…`) <= w) lo = mid;
        else hi = mid - 1;
      }
      text = `${full.slice(0, lo).trimEnd()}…`;
    }
    if (t.text !== text) t.text = text;
  }

  private tie(i: number, j: number): number {
    return this.shown[i * this.n + j];
  }

  /** Centre of the ring and of the triangle (below the header text block). */
  private centre(): { cx: number; cy: number; ty: number } {
    const { x, y, w, h } = this.bounds;
    const top = this.headerBottom;
    const bottom = y + h - 30;
    // A narrow scene keeps its ring between the header line and the one-row legend at the bottom.
    if (this.compact)
      return { cx: x + w / 2, cy: (top + y + h - COMPACT_LEGEND) / 2, ty: (top + y + h - COMPACT_LEGEND) / 2 };
    return { cx: x + w / 2, cy: y + h / 2 + 8, ty: (top + bottom) / 2 + 10 };
  }

  private headerBottom = 0;

  private place(): void {
    const { w, h } = this.bounds;
    const { cx, cy, ty } = this.centre();
    const us = this.byId.get('US');
    const cn = this.byId.get('CN');
    const ru = this.byId.get('RU');
    // Room for the triangle: between the header text and the legend, inside the ring.
    const avail = this.bounds.y + h - (this.compact ? COMPACT_LEGEND : 30) - this.headerBottom;
    const ringX = Math.max(120, w / 2 - (this.compact ? 40 : 100));
    // Compact: the ring's nodes and their labels (about 34 px beyond the ring) stay inside the free band.
    const ringY = this.compact ? Math.max(40, avail / 2 - 34) : Math.max(90, h / 2 - 44);
    const R = Math.max(50, Math.min(w * 0.17, (avail - 70) / 1.6, 0.62 * ringY, 0.5 * ringX));
    // Side length shrinks with amity and grows with enmity (0.7..1.3 of an equilateral side: always a triangle).
    const side = R * Math.sqrt(3);
    if (us && cn && ru) {
      const lCU = side * (1 - 0.3 * this.tie(cn.index, us.index));
      const lCR = side * (1 - 0.3 * this.tie(cn.index, ru.index));
      const lUR = side * (1 - 0.3 * this.tie(us.index, ru.index));
      // CN at the origin, US along the base to the right, RU above (north).
      const rx = (lCR * lCR - lUR * lUR + lCU * lCU) / (2 * lCU);
      const ry = -Math.sqrt(Math.max(0, lCR * lCR - rx * rx));
      const gx = (0 + lCU + rx) / 3;
      // The bounding box's centre (not the centroid) sits at the centre of the free area.
      const midY = (ry + 0) / 2;
      cn.x = cx - gx;
      cn.y = ty - midY;
      us.x = cx + lCU - gx;
      us.y = ty - midY;
      ru.x = cx + rx - gx;
      ru.y = ty + ry - midY;
      // The pariah is set apart: pushed out from the triangle's centre.
      const roles = this.rec?.triangle.roles;
      const mx = (us.x + cn.x + ru.x) / 3;
      const my = (us.y + cn.y + ru.y) / 3;
      for (const c of [us, cn, ru]) {
        const role = roles ? roles[c.actor.id as 'US' | 'CN' | 'RU'] : 'neutral';
        if (role === 'pariah') {
          const dx = c.x - mx;
          const dy = c.y - my;
          const d = Math.hypot(dx, dy) || 1;
          c.x += (dx / d) * R * 0.16;
          c.y += (dy / d) * R * 0.16;
        }
      }
    }
    for (const nv of this.nodes) {
      if (nv.corner) continue;
      const a = (nv.angle * Math.PI) / 180;
      nv.x = cx + ringX * Math.cos(a);
      nv.y = cy + ringY * Math.sin(a);
    }
  }

  private tieStyle(v: number, base: number, scale: number): { color: number; width: number; dashed: boolean } {
    const t = this.theme;
    return {
      color: hex(v >= 0 ? t.amity : t.enmity),
      width: base + scale * Math.abs(v),
      dashed: Math.abs(v) < NEAR_ZERO,
    };
  }

  private line(g: Graphics, a: NodeView, b: NodeView, v: number, base: number, scale: number, alpha: number): void {
    const s = this.tieStyle(v, base, scale);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const d = Math.hypot(dx, dy) || 1;
    const x1 = a.x + (dx / d) * a.r;
    const y1 = a.y + (dy / d) * a.r;
    const x2 = b.x - (dx / d) * b.r;
    const y2 = b.y - (dy / d) * b.r;
    if (s.dashed) {
      dashed(g, x1, y1, x2, y2, 5, 5);
      g.stroke({ width: Math.max(1.5, s.width), color: hex(this.theme.muted), alpha: alpha * 0.9, cap: 'butt' });
    } else {
      g.moveTo(x1, y1).lineTo(x2, y2);
      g.stroke({ width: s.width, color: s.color, alpha, cap: 'round' });
    }
  }

  /** Narrow scenes (compare mode on a laptop) label the ring by id. */
  /** Narrow or short scenes (compare mode, a phone, a laptop's short screen) draw in compact form. */
  private get compact(): boolean {
    return this.bounds.w < 620 || this.bounds.h < 320;
  }

  /** Title, configuration and date at the top; returns the bottom of the text block. */
  private drawHeader(): number {
    const { x, y, w } = this.bounds;
    const rec = this.rec;
    let ty = y + 10;
    this.title.visible = this.label !== '';
    if (this.label) {
      if (this.title.text !== this.label) this.title.text = this.label;
      this.title.position.set(x + 14, ty);
      ty += 20;
    }
    if (!rec) return ty;
    const name = (id: string) => this.byId.get(id)?.actor.name ?? id;
    this.configText.text = CONFIG_NAMES[rec.triangle.config];
    this.configText.position.set(x + 14, ty);
    this.sentenceText.style.wordWrapWidth = Math.max(180, Math.min(360, w - 150));
    this.sentenceText.text = configSentence(rec.triangle.config, rec.triangle.roles, name, rec.triangle.neutral);
    this.sentenceText.position.set(x + 14, ty + 26);
    // Narrow scenes keep the configuration's name; the roles are on the corners and in the header.
    this.sentenceText.visible = !this.compact;
    if (this.compact) {
      // The date joins the title line: the top-right corner is the ring's.
      this.dateText.visible = false;
      this.stepText.visible = false;
      const line = `${this.label ? `${this.label} · ` : ''}${rec.date} · step ${rec.t} of ${this.horizon}`;
      if (this.title.text !== line) this.title.text = line;
      this.title.visible = true;
      if (!this.label) {
        this.title.position.set(x + 14, ty);
        ty += 20;
        this.configText.position.set(x + 14, ty);
      }
      return ty + 26;
    }
    this.dateText.visible = true;
    this.stepText.visible = true;
    this.dateText.text = rec.date;
    this.dateText.position.set(x + w - 14, y + 10);
    this.stepText.text = `step ${rec.t} of ${this.horizon}`;
    this.stepText.position.set(x + w - 14, y + 38);
    return ty + 26 + this.sentenceText.height + 4;
  }

  private draw(): void {
    this.headerBottom = this.drawHeader();
    const dim = this.note !== '';
    for (const layer of [this.ringLayer, this.edgeLayer, this.nodeLayer]) layer.alpha = dim ? 0.35 : 1;
    this.noteText.visible = dim;
    if (dim) {
      if (this.noteText.text !== this.note) this.noteText.text = this.note;
      this.noteText.style.wordWrapWidth = Math.max(160, this.bounds.w - 40);
      this.noteText.position.set(this.bounds.x + this.bounds.w / 2, this.bounds.y + this.bounds.h - 64);
    }
    this.place();
    const t = this.theme;
    const ring = this.ringLayer;
    const edges = this.edgeLayer;
    ring.clear();
    edges.clear();
    const focus = this.hovered ?? null;
    const corners = CORNERS.map((id) => this.byId.get(id)).filter((c): c is NodeView => c !== undefined);
    const regional = this.nodes.filter((nv) => !nv.corner);

    // Ring ties: each regional actor to the three corners, quiet unless one of its ends is in focus.
    for (const r of regional) {
      for (const c of corners) {
        const v = this.tie(r.index, c.index);
        const on = focus === r.actor.id || focus === c.actor.id;
        const alpha = focus === null ? 0.3 : on ? 0.95 : 0.07;
        this.line(ring, r, c, v, 0.6, on ? 5 : 3.5, alpha);
      }
    }
    // A focused regional actor also shows its ties to the rest of the ring.
    const fr = focus ? this.byId.get(focus) : undefined;
    if (fr && !fr.corner) {
      for (const r of regional) if (r !== fr) this.line(ring, fr, r, this.tie(fr.index, r.index), 0.6, 5, 0.9);
    }

    // The triangle, its tie values beside each edge.
    const pairs: [number, number][] = [
      [1, 2],
      [0, 1],
      [0, 2],
    ];
    const gx = corners.reduce((s, c) => s + c.x, 0) / Math.max(1, corners.length);
    const gy = corners.reduce((s, c) => s + c.y, 0) / Math.max(1, corners.length);
    pairs.forEach(([a, b], k) => {
      const A = corners[a];
      const B = corners[b];
      const label = this.tieTexts[k];
      if (!A || !B) {
        label.visible = false;
        return;
      }
      const v = this.tie(A.index, B.index);
      const on = focus === null || focus === A.actor.id || focus === B.actor.id;
      const alpha = on ? 1 : fr && !fr.corner ? 0.25 : 0.35;
      this.line(edges, A, B, v, 2, 12, alpha);
      const mx = (A.x + B.x) / 2;
      const my = (A.y + B.y) / 2;
      const dx = mx - gx;
      const dy = my - gy;
      const d = Math.hypot(dx, dy) || 1;
      label.visible = true;
      const text = fmtSigned(v);
      if (label.text !== text) label.text = text;
      label.position.set(mx + (dx / d) * 18, my + (dy / d) * 18);
      label.alpha = on ? 1 : 0.5;
    });

    // Nodes and their labels.
    const roles = this.rec?.triangle.roles;
    const { cx, cy } = this.centre();
    for (const nv of this.nodes) {
      const g = nv.disc;
      g.clear();
      nv.box.position.set(nv.x, nv.y);
      const isFocus = focus === nv.actor.id;
      const isSel = this.selected === nv.actor.id;
      const quiet = focus !== null && !isFocus && !nv.corner;
      if (nv.corner) {
        const role = roles ? roles[nv.actor.id as 'US' | 'CN' | 'RU'] : 'neutral';
        if (role === 'pivot') g.circle(0, 0, nv.r + 8).stroke({ width: 4, color: hex(t.highlight), alpha: 0.95 });
        if (role === 'pariah') {
          dashedCircle(g, 0, 0, nv.r + 8, 14);
          g.stroke({ width: 2, color: hex(t.muted), alpha: 0.9 });
        }
        g.circle(0, 0, nv.r).fill({ color: hex(nv.actor.color) });
        g.circle(0, 0, nv.r).stroke({ width: isFocus || isSel ? 3 : 2, color: hex(isFocus || isSel ? t.ink : t.bg) });
        if (nv.roleText) {
          const text = role === 'neutral' ? 'no role' : role;
          if (nv.roleText.text !== text) nv.roleText.text = text;
          // A narrow scene names the role only (the disc carries the id).
          nv.nameText.visible = !this.compact;
          if (this.compact) nv.roleText.style.fontWeight = '600';
          // Labels beside the corners, outward: Russia and China to the left, the United States to the right.
          const off = nv.r + 11;
          const right = nv.actor.id === 'US';
          const lx = right ? nv.x + off : nv.x - off;
          const { x: bx, w: bw } = this.bounds;
          this.fitName(nv, nv.actor.name, right ? bx + bw - EDGE - lx : lx - bx - EDGE);
          const nameH = this.compact ? 0 : nv.nameText.height - 3;
          const top = nv.y - (nameH + nv.roleText.height) / 2;
          const ax = right ? 0 : 1;
          nv.nameText.anchor.set(ax, 0);
          nv.roleText.anchor.set(ax, 0);
          nv.nameText.position.set(lx, top);
          nv.roleText.position.set(lx, top + nameH);
        }
      } else {
        const fill = isFocus || isSel ? nv.actor.color : mix(nv.actor.color, t.bg, 0.25);
        g.circle(0, 0, nv.r).fill({ color: hex(fill), alpha: quiet ? 0.5 : 1 });
        g.circle(0, 0, nv.r).stroke({ width: isFocus || isSel ? 3 : 1.5, color: hex(isFocus || isSel ? t.ink : t.bg) });
        // Ring labels outside, away from the centre.
        const dx = nv.x - cx;
        const dy = nv.y - cy;
        const d = Math.hypot(dx, dy) || 1;
        const ux = dx / d;
        const uy = dy / d;
        const off = nv.r + 7;
        const full = this.compact && !isFocus && !isSel ? nv.actor.id : nv.actor.name;
        const weight = isFocus || isSel ? '700' : '500';
        if (nv.nameText.style.fontWeight !== weight) nv.nameText.style.fontWeight = weight;
        // Anchored outward from the ring's centre; as wide as the room between its anchor and the edges.
        const ax = 0.5 - 0.5 * ux;
        const px = nv.x + ux * off;
        const { x: bx, w: bw } = this.bounds;
        let room = MAX_LABEL;
        if (ax > 0) room = Math.min(room, (px - bx - EDGE) / ax);
        if (ax < 1) room = Math.min(room, (bx + bw - EDGE - px) / (1 - ax));
        this.fitName(nv, full, room);
        nv.nameText.anchor.set(ax, 0.5 - 0.5 * uy);
        nv.nameText.position.set(px, nv.y + uy * off);
        nv.nameText.alpha = quiet ? 0.55 : 1;
      }
      if (isSel && !isFocus) g.circle(0, 0, nv.r + 4).stroke({ width: 1.5, color: hex(t.ink), alpha: 0.6 });
    }

    // Legend, stacked in the bottom-right corner (the ring leaves that corner free); a narrow scene has
    // it in one row along the bottom.
    const { x, y, w, h } = this.bounds;
    const lg = this.legend;
    lg.clear();
    if (this.compact) {
      this.drawCompactLegend();
      return;
    }
    const rows = 4;
    const colW = Math.max(...this.legendTexts.slice(0, rows).map((tx) => tx.width)) + 30;
    const px = x + w - 14 - colW;
    const items: [string, boolean][] = [
      [t.amity, false],
      [t.enmity, false],
      [t.muted, true],
    ];
    this.legendTexts[3].visible = true;
    for (let k = 0; k < rows; k++) {
      const yy = y + h - 14 - (rows - 1 - k) * 17;
      if (k === 3) {
        // Width = strength: three widths of the same tie colour.
        [1.5, 4, 8].forEach((wd, q) => {
          lg.moveTo(px + q * 8, yy)
            .lineTo(px + q * 8 + 6, yy)
            .stroke({ width: wd, color: hex(t.amity), cap: 'butt' });
        });
      } else if (items[k][1]) {
        dashed(lg, px, yy, px + 22, yy, 5, 4);
        lg.stroke({ width: 2, color: hex(items[k][0]) });
      } else {
        lg.moveTo(px, yy)
          .lineTo(px + 22, yy)
          .stroke({ width: 4, color: hex(items[k][0]), cap: 'round' });
      }
      const txt = this.legendTexts[k];
      txt.anchor.set(0, 0.5);
      txt.position.set(px + 30, yy);
    }
  }

  private drawCompactLegend(): void {
    const { x, y, w, h } = this.bounds;
    const t = this.theme;
    const lg = this.legend;
    const items: [string, boolean][] = [
      [t.amity, false],
      [t.enmity, false],
      [t.muted, true],
    ];
    this.legendTexts[3].visible = false;
    const widths = items.map((_, k) => 30 + this.legendTexts[k].width);
    const total = widths.reduce((a, b) => a + b, 0) + 12 * (items.length - 1);
    let px = x + Math.max(8, (w - total) / 2);
    const yy = y + h - 12;
    items.forEach(([color, dash], k) => {
      if (dash) {
        dashed(lg, px, yy, px + 22, yy, 5, 4);
        lg.stroke({ width: 2, color: hex(color) });
      } else {
        lg.moveTo(px, yy)
          .lineTo(px + 22, yy)
          .stroke({ width: 4, color: hex(color), cap: 'round' });
      }
      const txt = this.legendTexts[k];
      txt.anchor.set(0, 0.5);
      txt.position.set(px + 28, yy);
      px += widths[k] + 12;
    });
  }
}
