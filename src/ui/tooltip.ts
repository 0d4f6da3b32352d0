// The tooltip over an actor in the scene (hovered, or focused from the explain panel's chips): its
// ties with the three corners, its utility, and for Russia its dependence and negotiating space.
import { fmt, fmtSigned } from '../app/format';
import { actorName, frame } from '../app/select';
import type { Store } from '../app/store';
import { h } from './dom';

export type NodePosition = (scene: 0 | 1, id: string) => { x: number; y: number; r: number } | null;

export function connectTooltip(tip: HTMLElement, host: HTMLElement, store: Store, position: NodePosition): void {
  store.watch(
    (s) => {
      const runs = store.runs(s);
      const f = frame(s, runs);
      return { hovered: s.hovered, f };
    },
    ({ hovered, f }) => {
      if (!hovered) {
        tip.hidden = true;
        return;
      }
      const shown = hovered.scene === 1 && f.b ? f.b : f.a;
      const scene = hovered.scene === 1 && f.b ? 1 : 0;
      const pos = position(scene, hovered.actor);
      const actor = shown.run.spec.actors.find((a) => a.id === hovered.actor);
      if (!pos || !actor) {
        tip.hidden = true;
        return;
      }
      const rec = shown.rec;
      const id = actor.id;
      const row = (label: string, value: string) =>
        h('div', { class: 'row' }, h('span', { text: label }), h('b', { text: value }));
      const rows: HTMLElement[] = [];
      for (const x of ['US', 'CN', 'RU'])
        if (x !== id) {
          const v = rec.ties[id < x ? `${id}-${x}` : `${x}-${id}`];
          if (v !== undefined) rows.push(row(`tie with ${actorName(shown.run, x)}`, fmtSigned(v)));
        }
      const role = (['US', 'CN', 'RU'] as const).find((x) => x === id);
      const u = rec.utility[id];
      if (u) rows.push(row('utility', fmt(u.total)));
      if (id === 'RU') {
        const d = rec.indicators.ru_dependence_on_cn;
        const n = rec.indicators.ru_negotiating_space;
        if (d !== undefined) rows.push(row('dependence on China', fmt(d)));
        if (n !== undefined) rows.push(row('negotiating space', fmt(n)));
      }
      tip.replaceChildren(
        h('b', { text: actor.name }),
        h('span', { class: 'muted', text: role ? ` · ${rec.triangle.roles[role]}` : '' }),
        ...rows,
        h('div', { class: 'muted', text: 'click to explain' }),
      );
      tip.hidden = false;
      const w = host.clientWidth;
      const tw = tip.offsetWidth;
      const th = tip.offsetHeight;
      let x = pos.x + pos.r + 12;
      if (x + tw > w - 6) x = pos.x - pos.r - 12 - tw;
      const y = Math.max(6, Math.min(host.clientHeight - th - 6, pos.y - th / 2));
      tip.style.left = `${Math.max(6, x)}px`;
      tip.style.top = `${y}px`;
    },
    { eq: (a, b) => a.hovered === b.hovered && a.f.a.rec === b.f.a.rec && a.f.b?.rec === b.f.b?.rec },
  );
}
