// The explain panel: the selected actor of the scene clicked (A, or B in compare mode), its utility
// term by term, the events of the quarter, and the moves that led to it with the utility change
// behind each ("Russia warmed toward Japan: autonomy +0.04, economy +0.01; probability 0.62").
import { fmt, fmtDelta, fmtSigned, movePhrase } from '../app/format';
import type { Intent } from '../app/intents';
import { frame } from '../app/select';
import type { Store } from '../app/store';
import type { StepRecord } from '../sim/run';
import { h } from './dom';

const MAX_MOVES = 12;

export function connectExplain(host: HTMLElement, store: Store, dispatch: (i: Intent) => void): void {
  host.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-actor]');
    if (b?.dataset.actor)
      dispatch({ type: 'select', scene: Number(b.dataset.scene ?? 0) as 0 | 1, actor: b.dataset.actor });
  });
  const focusActor = (e: Event) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-actor]');
    if (b?.dataset.actor)
      dispatch({ type: 'hover', scene: Number(b.dataset.scene ?? 0) as 0 | 1, actor: b.dataset.actor });
  };
  host.addEventListener('focusin', focusActor);
  host.addEventListener('mouseover', focusActor);
  const leave = () => dispatch({ type: 'hover', scene: 0, actor: null });
  host.addEventListener('focusout', leave);
  host.addEventListener('mouseout', leave);

  store.watch(
    (s) => {
      const runs = store.runs(s);
      const f = frame(s, runs);
      const scene = s.selected.scene === 1 && f.b ? 1 : 0;
      const shown = scene === 1 && f.b ? f.b : f.a;
      return { rec: shown.rec, run: shown.run, scene, actor: s.selected.actor, compare: f.b !== null };
    },
    (v) => {
      const focused =
        document.activeElement instanceof HTMLElement && host.contains(document.activeElement)
          ? document.activeElement.dataset.actor
          : undefined;
      render(
        host,
        v.rec,
        v.run.spec.actors,
        v.actor,
        v.scene as 0 | 1,
        v.compare ? `${v.scene === 1 ? 'B' : 'A'} · ${v.run.id}` : '',
      );
      if (focused) host.querySelector<HTMLButtonElement>(`button[data-actor="${CSS.escape(focused)}"]`)?.focus();
    },
    { eq: (a, b) => a.rec === b.rec && a.actor === b.actor && a.scene === b.scene && a.compare === b.compare },
  );
}

function render(
  host: HTMLElement,
  rec: StepRecord,
  actors: readonly { id: string; name: string; color: string }[],
  selected: string,
  scene: 0 | 1,
  label: string,
): void {
  const name = (id: string) => actors.find((a) => a.id === id)?.name ?? id;
  const actor = actors.find((a) => a.id === selected) ?? actors[0];
  if (!actor) return;
  const chips = actors.map((a) =>
    h(
      'button',
      {
        attrs: { type: 'button', 'aria-pressed': String(a.id === actor.id) },
        title: a.name,
        data: { actor: a.id, scene },
      },
      h('span', { class: 'swatch', style: { '--c': a.color } }),
      a.id,
    ),
  );
  const u = rec.utility[actor.id];
  const terms = u ? Object.entries(u.terms) : [];
  const scale = Math.max(0.5, ...terms.map(([, v]) => Math.abs(v ?? 0)));
  const bars = terms.flatMap(([term, v]) => {
    const x = v ?? 0;
    const w = (Math.abs(x) / scale) * 50;
    const left = x >= 0 ? 50 : 50 - w;
    return [
      h('span', { class: 'name', text: term }),
      h(
        'span',
        { class: 'track', title: `${term} ${fmtSigned(x)}` },
        h('span', { class: `bar ${x >= 0 ? 'pos' : 'neg'}`, style: { left: `${left}%`, width: `${w}%` } }),
      ),
      h('span', { class: 'val', text: fmtSigned(x) }),
    ];
  });
  // Choices are logit, not best response: list the moves the utility favoured first, and say so
  // plainly when a move went against it (a chance move, as bounded rationality allows).
  const net = (m: (typeof rec.moves)[number]) => Object.values(m.dU).reduce<number>((t, v) => t + (v ?? 0), 0);
  const moves = rec.moves.filter((m) => m.actor === actor.id).sort((a, b) => net(b) - net(a));
  const items = moves.slice(0, MAX_MOVES).map((m) => {
    const parts = Object.entries(m.dU)
      .filter(([, v]) => v !== undefined)
      .sort((a, b) => Math.abs(b[1] ?? 0) - Math.abs(a[1] ?? 0))
      .map(([term, v]) => `${term} ${fmtDelta(v ?? 0)}`)
      .join(', ');
    const total = net(m);
    const why =
      total < 0
        ? `against its utility (net ${fmtDelta(total)}): a chance move, probability ${fmt(m.p)}`
        : `net ${fmtDelta(total)}, probability ${fmt(m.p)}`;
    return h(
      'li',
      {},
      `${actor.name} ${movePhrase(m.kind, m.target, m.move, name)}: `,
      h('span', { class: 'terms', text: parts || 'no term changed' }),
      ' ',
      h('span', { class: 'muted', text: `(${why})` }),
    );
  });
  if (moves.length > MAX_MOVES) items.push(h('li', { class: 'muted', text: `and ${moves.length - MAX_MOVES} more` }));
  const events = rec.events.length
    ? [
        h('h3', { text: `Events in ${rec.date}` }),
        h('ul', { class: 'events' }, ...rec.events.map((e) => h('li', { text: e }))),
      ]
    : [];
  const movesBlock =
    rec.t === 0
      ? h('p', { class: 'muted', text: 'No moves yet: step forward to see what each actor chooses, and why.' })
      : moves.length
        ? h('ul', { class: 'moves' }, ...items)
        : h('p', { class: 'muted', text: `${actor.name} held everything this quarter.` });
  host.replaceChildren(
    label ? h('p', { class: 'scene-label', text: `Scene ${label}` }) : '',
    h('div', { class: 'actors', attrs: { role: 'group', 'aria-label': 'Choose an actor to explain' } }, ...chips),
    h(
      'h2',
      {},
      h('span', { class: 'swatch', style: { '--c': actor.color } }),
      actor.name,
      h('span', { class: 'muted utility', text: `utility ${u ? fmt(u.total) : '—'} at ${rec.date}` }),
    ),
    ...events,
    h('div', { class: 'bars', attrs: { role: 'list', 'aria-label': 'Utility by term' } }, ...bars),
    h('h3', { text: `Moves that led to ${rec.date}, with the utility change behind each` }),
    movesBlock,
  );
}
