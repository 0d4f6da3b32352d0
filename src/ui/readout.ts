// The line under the scene that says what is going on: the events of the quarter shown (the scenario's
// and the real ones), what the user's changes did to the run by its end (against the unedited run),
// and in compare mode what differs most between A and B at the date shown.

import { CONFIG_NAMES, fmt, fmtSigned } from '../app/format';
import { differences, NOTABLE } from '../app/insight';
import type { Intent } from '../app/intents';
import { changedAtEnd, frame, outsideNote } from '../app/select';
import type { Store } from '../app/store';
import { REAL_EVENTS } from '../data/events';
import { h } from './dom';

const COMPARE_TOP = 3;

export function connectReadout(host: HTMLElement, store: Store, dispatch: (i: Intent) => void): void {
  store.watch(
    (s) => {
      const runs = store.runs(s);
      const f = frame(s, runs);
      return { runs, ra: f.a.rec, rb: f.b?.rec ?? null, date: f.date, t: s.doc.t, f };
    },
    ({ runs, ra, rb, date, f }) => {
      const lines: HTMLElement[] = [];
      const real = REAL_EVENTS.filter((e) => e.date === date);
      const own = f.a.at.inside ? ra.events : [];
      if (real.length || own.length) {
        lines.push(
          h(
            'div',
            { class: 'line events', data: { what: 'events' } },
            h('b', { text: `${date}: ` }),
            // The scenario's own events say what the run does; the record's, when it has none that quarter.
            (own.length ? own : real.map((e) => e.text)).join(' · '),
          ),
        );
      }
      const changed = changedAtEnd(runs);
      if (changed) {
        lines.push(
          h(
            'div',
            { class: 'line changed', data: { what: 'changed' } },
            h('b', { text: 'What changed: ' }),
            changed.text,
            ' ',
            h('button', {
              class: 'link',
              text: 'undo',
              title: 'Undo the last change (Ctrl+Z)',
              attrs: { type: 'button' },
              on: { click: () => dispatch({ type: 'undo' }) },
            }),
          ),
        );
      }
      if (f.b && rb) {
        const head = h('b', {
          text:
            ra.date === rb.date
              ? `A ${runs.a.id} vs B ${f.b.run.id} at ${ra.date}: `
              : `A ${runs.a.id} ${ra.date} vs B ${f.b.run.id} ${rb.date}: `,
        });
        if (!f.a.at.inside || !f.b.at.inside) {
          const notes = [outsideNote(f.a, 'A'), outsideNote(f.b, 'B')].filter(Boolean);
          lines.push(
            h(
              'div',
              { class: 'line compare', data: { what: 'compare' } },
              h('b', { text: `${date}: ` }),
              `${notes.join('; ')}. The two scenarios ${runs.timeline.overlap ? 'overlap elsewhere on the timeline' : 'do not overlap in time: each is shown over its own years'}.`,
            ),
          );
        } else {
          const diffs = differences(ra, rb, runs.a.spec).slice(0, COMPARE_TOP);
          const cfg =
            ra.triangle.config === rb.triangle.config
              ? `both ${CONFIG_NAMES[ra.triangle.config]}`
              : `${CONFIG_NAMES[ra.triangle.config]} vs ${CONFIG_NAMES[rb.triangle.config]}`;
          lines.push(
            h(
              'div',
              { class: 'line compare', data: { what: 'compare' } },
              head,
              h('span', { text: cfg }),
              ...diffs.map((d) =>
                h(
                  'span',
                  { class: 'diff-item', title: d.name },
                  ` · ${d.label} ${fmt(d.a)} vs ${fmt(d.b)} `,
                  h('span', {
                    class: Math.abs(d.d) < NOTABLE ? '' : d.d > 0 ? 'up' : 'down',
                    text: `(A − B = ${fmtSigned(d.d)})`,
                  }),
                ),
              ),
              hasEdits(store) ? h('span', { class: 'muted', text: ' · your changes apply to A only' }) : '',
            ),
          );
        }
      }
      host.replaceChildren(...lines);
      host.hidden = lines.length === 0;
    },
    { eq: (a, b) => a.runs === b.runs && a.ra === b.ra && a.rb === b.rb && a.date === b.date },
  );
}

function hasEdits(store: Store): boolean {
  const d = store.get().doc;
  return d.edits.length > 0 || Object.keys(d.weights).length > 0;
}
