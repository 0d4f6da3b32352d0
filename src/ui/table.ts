// The Table tab: every indicator and tie of run A per quarter, sortable by any column (click a
// heading; again to reverse), the quarter shown highlighted, a row click jumps there; "Download CSV"
// saves the run as the CLI writes it.
import type { Intent } from '../app/intents';
import { frame } from '../app/select';
import type { Store } from '../app/store';
import { buildTable } from '../app/table';
import { h } from './dom';

function cellText(v: string | number): string {
  if (typeof v !== 'number') return v;
  // A scenario's own indicator may give no number at a step: missing there.
  if (!Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return String(v);
  const s = String(Number(v.toPrecision(3)));
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : s;
}

export function connectTable(
  host: HTMLElement,
  store: Store,
  dispatch: (i: Intent) => void,
  download: () => void,
): void {
  const bar = h(
    'div',
    { class: 'table-bar' },
    h('span', { class: 'muted', id: 'table-caption' }),
    h('button', {
      class: 'btn',
      id: 'table-csv',
      text: 'Download CSV',
      attrs: { type: 'button' },
      on: { click: download },
    }),
  );
  const scroller = h('div', { class: 'table-scroll', attrs: { tabindex: 0 } });
  host.replaceChildren(bar, scroller);
  const highlight = () => {
    const s = store.get();
    if (s.tab !== 'table') return;
    const step = frame(s, store.runs(s)).a.at.step;
    for (const tr of scroller.querySelectorAll<HTMLElement>('tbody tr'))
      tr.classList.toggle('now', tr.dataset.t === String(step));
  };
  store.watch(
    (s) => (s.tab === 'table' ? ([store.runs(s).a, s.sort] as const) : null),
    (v) => {
      if (!v) return;
      const [a, sort] = v;
      const table = buildTable(a, sort);
      const head = h(
        'tr',
        {},
        ...table.columns.map((c) =>
          h(
            'th',
            {
              attrs: {
                scope: 'col',
                'aria-sort': sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none',
              },
              class: c.numeric ? 'num' : '',
            },
            h('button', {
              text: `${c.label}${sort.key === c.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''}`,
              title: `${c.title}: sort`,
              attrs: { type: 'button' },
              data: { sort: c.key },
              on: { click: () => dispatch({ type: 'sortTable', key: c.key }) },
            }),
          ),
        ),
      );
      const rows = table.rows.map((r) =>
        h(
          'tr',
          {
            data: { t: r.t },
            on: { click: () => dispatch({ type: 'seek', t: r.t + store.runs().timeline.a.offset }) },
          },
          ...table.columns.map((c) => h('td', { class: c.numeric ? 'num' : '', text: cellText(r.cells[c.key]) })),
        ),
      );
      scroller.replaceChildren(h('table', { class: 'data' }, h('thead', {}, head), h('tbody', {}, ...rows)));
      const cap = host.querySelector('#table-caption');
      if (cap)
        cap.textContent = `${a.title}, seed ${a.seed}: ${table.rows.length} quarters × ${table.columns.length - 2} measures (values to 3 significant digits; the CSV has them in full)`;
      highlight();
    },
    { eq: (a, b) => (a === null ? b === null : b !== null && a[0] === b[0] && a[1] === b[1]) },
  );
  store.watch((s) => [s.doc.t, s.tab] as const, highlight, { eq: (a, b) => a[0] === b[0] && a[1] === b[1] });
}
