// Messages over the scene: problems with a link, an import's problems, what an action did. They never
// stop the app; each names the problem, can be dismissed, and some carry a button (retry, remove).
import type { Intent } from '../app/intents';
import type { Message } from '../app/state';
import type { Store } from '../app/store';
import { h } from './dom';

export function connectMessages(host: HTMLElement, store: Store, dispatch: (i: Intent) => void): void {
  const timers = new Map<string, number>();
  store.watch(
    (s) => s.messages,
    (messages) => {
      const shown = new Map<string, HTMLElement>();
      for (const el of host.querySelectorAll<HTMLElement>('.msg')) shown.set(el.dataset.id ?? '', el);
      for (const [id, el] of shown) {
        const m = messages.find((x) => x.id === id);
        if (!m || String(m.seq) !== el.dataset.seq) {
          el.remove();
          clearTimeout(timers.get(id));
          timers.delete(id);
        }
      }
      for (const m of messages) {
        if (host.querySelector(`.msg[data-id="${CSS.escape(m.id)}"]`)) continue;
        host.append(render(m, dispatch));
        if (m.ttl > 0)
          timers.set(
            m.id,
            window.setTimeout(() => dispatch({ type: 'dismiss', id: m.id }), m.ttl),
          );
      }
    },
  );
}

function render(m: Message, dispatch: (i: Intent) => void): HTMLElement {
  const list = m.details.length ? h('ul', {}, ...m.details.map((d) => h('li', {}, h('code', { text: d })))) : null;
  const action = m.action
    ? h('button', {
        class: 'act',
        text: m.action.label,
        attrs: { type: 'button' },
        on: { click: () => dispatch((m.action as NonNullable<Message['action']>).intent) },
      })
    : null;
  return h(
    'div',
    {
      class: `msg ${m.kind}`,
      attrs: { role: m.kind === 'error' ? 'alert' : 'status' },
      data: { id: m.id, seq: m.seq },
    },
    h('div', { class: 'body' }, m.text, list, action),
    h('button', {
      class: 'x',
      text: '×',
      attrs: { type: 'button', 'aria-label': 'Dismiss' },
      on: { click: () => dispatch({ type: 'dismiss', id: m.id }) },
    }),
  );
}
