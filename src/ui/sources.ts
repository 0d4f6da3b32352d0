// The Sources tab: full citations of the two seed texts and of the works the design borrows, every data
// series behind the scenarios, the observed record on the charts and the real events marked on them.
import { REAL_EVENTS } from '../data/events';
import { OBSERVED } from '../data/record';
import { type Citation, DATA_SERIES, SEEDS, WORKS } from '../data/sources';
import { h } from './dom';

function cite(c: Citation): HTMLElement {
  return h(
    'li',
    { data: { ref: c.ref } },
    h('b', { text: `${c.ref}. ` }),
    c.authors ? `${c.authors}${c.year ? ` (${c.year})` : ''}. ` : '',
    c.title ? h('i', { text: c.title }) : '',
    c.title ? '. ' : '',
    `${c.where}.`,
    c.missing ? ` ${c.missing}.` : '',
    ' ',
    h('span', { class: 'muted', text: `Used for: ${c.use}.` }),
  );
}

export function renderSources(host: HTMLElement): void {
  host.replaceChildren(
    h(
      'div',
      { class: 'sources' },
      h('h3', { text: 'The seed texts (every mechanism starts from a sentence in one of them)' }),
      h('ol', { class: 'cites' }, ...SEEDS.map(cite)),
      h('h3', { text: 'Works the design borrows' }),
      h('ul', { class: 'cites' }, ...WORKS.map(cite)),
      h('h3', { text: 'Data series (the project’s shared/data files)' }),
      h(
        'table',
        { class: 'data series' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['file', 'what', 'years', 'sources', 'used for'].map((t) =>
              h('th', { text: t, attrs: { scope: 'col' } }),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...DATA_SERIES.map((d) =>
            h(
              'tr',
              { data: { file: d.file } },
              h('td', {}, h('code', { text: d.file })),
              h('td', { text: d.what }),
              h('td', { text: d.years }),
              h('td', { text: d.sources }),
              h('td', { text: d.use }),
            ),
          ),
        ),
      ),
      h('h3', { text: 'The observed record on the charts (rings)' }),
      h(
        'ul',
        {},
        ...OBSERVED.map((p) =>
          h(
            'li',
            {},
            `${p.year}: `,
            h('code', { text: p.indicator }),
            ` ${p.value} — ${p.source}${p.note ? ` (${p.note})` : ''}`,
          ),
        ),
      ),
      h('h3', { text: 'Real events marked on the timeline and the charts' }),
      h('ul', {}, ...REAL_EVENTS.map((e) => h('li', {}, h('b', { text: `${e.date} ` }), e.text))),
    ),
  );
}
