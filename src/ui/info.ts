// The Info panel (a dialog), after NetLogo's Info tab. Its words live in src/data/info.ts; each of
// the "Things to try" is a button that sets the example up (undoable). Loaded when first opened.
import type { Intent } from '../app/intents';
import * as INFO from '../data/info';
import { OBSERVED } from '../data/record';
import { LEVERS } from '../model/levers';
import { h, staticHtml } from './dom';

function html(markup: string): HTMLElement {
  const div = h('div');
  staticHtml(div, markup);
  return div;
}

export function renderInfo(dialog: HTMLDialogElement, dispatch: (i: Intent) => void, showSources: () => void): void {
  const terms = h(
    'dl',
    {},
    ...INFO.TERMS.flatMap((t) => [
      h('dt', { text: t.name }),
      t.quote ? h('dd', {}, t.text, h('blockquote', { text: `“${t.quote}”` })) : h('dd', {}, t.text),
    ]),
  );
  const examples = h(
    'ul',
    { class: 'examples' },
    ...INFO.EXAMPLES.map((ex, k) =>
      h(
        'li',
        {},
        h('button', {
          class: 'btn try',
          text: `Try it: ${ex.title}`,
          attrs: { type: 'button' },
          data: { example: k },
          on: { click: () => dispatch({ type: 'example', setup: ex.setup, title: ex.title }) },
        }),
        html(ex.html),
      ),
    ),
  );
  const levers = h(
    'ul',
    {},
    ...LEVERS.map((l) =>
      h(
        'li',
        {},
        h('code', { text: l.name }),
        ` (${l.min}–${l.max}): ${l.meaning}. `,
        h('span', { class: 'muted', text: l.source }),
      ),
    ),
  );
  const record = h(
    'ul',
    {},
    ...OBSERVED.map((p) =>
      h(
        'li',
        {},
        `${p.year}: `,
        h('code', { text: p.indicator }),
        ` ${p.value}: ${p.source}${p.note ? ` (${p.note})` : ''}`,
      ),
    ),
  );
  dialog.replaceChildren(
    h(
      'div',
      { class: 'head' },
      h('h2', { id: 'info-title', text: 'About the strategic triangle' }),
      h('button', {
        class: 'btn',
        id: 'info-close',
        text: 'Close (Esc)',
        attrs: { type: 'button' },
        on: { click: () => dispatch({ type: 'info', open: false }) },
      }),
    ),
    h(
      'div',
      { class: 'body' },
      h('h3', { text: 'What it is' }),
      html(INFO.WHAT_IT_IS),
      h('h3', { text: 'How it works' }),
      html(INFO.HOW_IT_WORKS),
      h('p', { text: "Each actor's utility is a weighted sum of named terms:" }),
      terms,
      html(INFO.TRIANGLE),
      html(INFO.REPRODUCE),
      h('h3', { text: 'How to use it' }),
      html(INFO.HOW_TO_USE),
      h('h3', { text: 'Things to try' }),
      examples,
      h('h3', { text: 'What it leaves out' }),
      html(INFO.LEAVES_OUT),
      h('h3', { text: 'Levers' }),
      levers,
      h('h3', { text: 'Sources' }),
      h(
        'p',
        {},
        'Full citations of the two seed texts, the works the design borrows and every data series are in the ',
        h('button', {
          class: 'link',
          text: 'Sources tab',
          attrs: { type: 'button' },
          on: {
            click: () => {
              dispatch({ type: 'info', open: false });
              showSources();
            },
          },
        }),
        '. The observed record drawn over the charts:',
      ),
      record,
      h(
        'p',
        {},
        'Each scenario file lists the source of each of its numbers under ',
        h('code', { text: 'sources' }),
        '.',
      ),
    ),
  );
}
