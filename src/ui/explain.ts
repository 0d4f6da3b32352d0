// The explain panel: the selected actor's utility term by term, and its last moves with the utility
// change behind each ("Russia warmed toward Japan: autonomy +0.04, economy +0.01").
import type { StepRecord } from '../sim/run';
import { escapeHtml, fmt, fmtDelta, fmtSigned, movePhrase } from './format';

export interface ExplainActor {
  id: string;
  name: string;
  color: string;
}

const MAX_MOVES = 12;

export class Explain {
  onSelect: (id: string) => void = () => {};
  onFocusActor: (id: string | null) => void = () => {};
  private actors: ExplainActor[] = [];

  constructor(private readonly host: HTMLElement) {
    host.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-actor]');
      if (b?.dataset.actor) this.onSelect(b.dataset.actor);
    });
    host.addEventListener('focusin', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-actor]');
      if (b?.dataset.actor) this.onFocusActor(b.dataset.actor);
    });
    host.addEventListener('focusout', () => this.onFocusActor(null));
    host.addEventListener('mouseover', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-actor]');
      if (b?.dataset.actor) this.onFocusActor(b.dataset.actor);
    });
    host.addEventListener('mouseout', () => this.onFocusActor(null));
  }

  setActors(actors: readonly ExplainActor[]): void {
    this.actors = [...actors];
  }

  render(rec: StepRecord, selected: string): void {
    const name = (id: string) => this.actors.find((a) => a.id === id)?.name ?? id;
    const actor = this.actors.find((a) => a.id === selected) ?? this.actors[0];
    if (!actor) return;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.actor : undefined;
    const chips = this.actors
      .map(
        (a) =>
          `<button type="button" data-actor="${a.id}" aria-pressed="${a.id === actor.id}" title="${escapeHtml(a.name)}"><span class="swatch" style="--c:${a.color}"></span>${a.id}</button>`,
      )
      .join('');
    const u = rec.utility[actor.id];
    const terms = u ? Object.entries(u.terms) : [];
    const scale = Math.max(0.5, ...terms.map(([, v]) => Math.abs(v ?? 0)));
    const bars = terms
      .map(([term, v]) => {
        const x = v ?? 0;
        const w = (Math.abs(x) / scale) * 50;
        const left = x >= 0 ? 50 : 50 - w;
        return `<span class="name">${term}</span><span class="track" title="${term} ${fmtSigned(x)}"><span class="bar ${x >= 0 ? 'pos' : 'neg'}" style="left:${left}%;width:${w}%"></span></span><span class="val">${fmtSigned(x)}</span>`;
      })
      .join('');
    // Choices are logit, not best response: list the moves the utility favoured first, and say so
    // plainly when a move went against it (a chance move, as bounded rationality allows).
    const net = (m: (typeof rec.moves)[number]) => Object.values(m.dU).reduce<number>((t, v) => t + (v ?? 0), 0);
    const moves = rec.moves.filter((m) => m.actor === actor.id).sort((a, b) => net(b) - net(a));
    const items = moves
      .slice(0, MAX_MOVES)
      .map((m) => {
        const parts = Object.entries(m.dU)
          .filter(([, v]) => v !== undefined)
          .sort((a, b) => Math.abs(b[1] ?? 0) - Math.abs(a[1] ?? 0))
          .map(([term, v]) => `${term} ${fmtDelta(v ?? 0)}`)
          .join(', ');
        const total = net(m);
        const why =
          total < 0
            ? `against its utility (net ${fmtDelta(total)}): a chance move, p ${fmt(m.p)}`
            : `net ${fmtDelta(total)}, p ${fmt(m.p)}`;
        return `<li>${escapeHtml(actor.name)} ${escapeHtml(movePhrase(m.kind, m.target, m.move, name))}: <span class="terms">${parts || 'no term changed'}</span> <span class="muted">(${why})</span></li>`;
      })
      .join('');
    const more = moves.length > MAX_MOVES ? `<li class="muted">and ${moves.length - MAX_MOVES} more</li>` : '';
    const events = rec.events.length
      ? `<h3>Events this quarter</h3><ul class="moves">${rec.events.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`
      : '';
    const movesHtml =
      rec.t === 0
        ? '<p class="muted">No moves yet: step forward to see what each actor chooses, and why.</p>'
        : moves.length
          ? `<ul class="moves">${items}${more}</ul>`
          : `<p class="muted">${escapeHtml(actor.name)} held everything this quarter.</p>`;
    this.host.innerHTML = `
      <div class="actors" role="group" aria-label="Choose an actor to explain">${chips}</div>
      <h2><span class="swatch" style="--c:${actor.color}"></span>${escapeHtml(actor.name)}
        <span class="muted" style="font-weight:400">utility ${u ? fmt(u.total) : '—'} at ${rec.date}</span></h2>
      <div class="bars" role="list" aria-label="Utility by term">${bars}</div>
      <h3>Moves that led to ${rec.date}, with the utility change behind each</h3>
      ${movesHtml}
      ${events}`;
    if (focused) this.host.querySelector<HTMLButtonElement>(`button[data-actor="${focused}"]`)?.focus();
  }
}
