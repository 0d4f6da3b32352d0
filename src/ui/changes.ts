// "Your changes": every lever change (with its quarter) and weight the user made, each removable, and
// the scheduled events they stop from moving a lever, always in view at the top of the controls.
import { fmt, fmtLever } from '../app/format';
import { overrides } from '../app/insight';
import type { Intent } from '../app/intents';
import type { Store } from '../app/store';
import { LEVERS } from '../model/levers';
import { formatQuarter } from '../model/time';
import { h } from './dom';

export function connectChanges(host: HTMLElement, store: Store, dispatch: (i: Intent) => void): void {
  store.watch(
    (s) => [s.doc.edits, s.doc.weights, store.runs(s).a] as const,
    ([edits, weights, a]) => {
      const start = a.spec.start;
      const items: HTMLElement[] = [];
      for (const e of edits) {
        const max = LEVERS.find((l) => l.name === e.name)?.max ?? 1;
        items.push(
          h(
            'li',
            { data: { edit: `${e.name}@${e.t}` } },
            h('b', { text: e.name }),
            ` ${fmtLever(e.value, max)} from ${formatQuarter(start + e.t)} `,
            h('button', {
              class: 'link',
              text: 'remove',
              title: `Remove this change (${e.name} from ${formatQuarter(start + e.t)}); undo brings it back`,
              attrs: { type: 'button' },
              on: { click: () => dispatch({ type: 'removeEdits', lever: e.name, at: e.t }) },
            }),
          ),
        );
      }
      for (const [actor, terms] of Object.entries(weights)) {
        const name = a.spec.actors.find((x) => x.id === actor)?.name ?? actor;
        for (const [term, v] of Object.entries(terms))
          if (v !== undefined)
            items.push(h('li', {}, `${name}'s `, h('b', { text: term }), ` weight ${fmt(v)} (whole run)`));
      }
      const ov = overrides(a.spec, edits).filter((o) => !o.sameStep);
      const stops = ov.map((o) =>
        h(
          'li',
          { class: 'stopped' },
          `${o.date}: “${o.label}” no longer moves `,
          h('b', { text: o.lever }),
          ` (your change from ${o.editDate})`,
        ),
      );
      if (items.length === 0) {
        host.replaceChildren();
        host.hidden = true;
        return;
      }
      host.hidden = false;
      host.replaceChildren(
        h(
          'div',
          { class: 'head' },
          h('span', { text: 'Your changes (in the link; Ctrl+Z undoes):' }),
          h('button', {
            class: 'link',
            id: 'undo-all',
            text: 'remove all',
            attrs: { type: 'button' },
            on: { click: () => dispatch({ type: 'resetAll' }) },
          }),
        ),
        h('ul', {}, ...items),
        stops.length
          ? h('ul', { class: 'stops', attrs: { 'aria-label': 'Scheduled events your changes stop' } }, ...stops)
          : '',
      );
    },
    { eq: (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2] },
  );
}
