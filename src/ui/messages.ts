// Non-blocking messages over the scene: problems with a link, import errors, confirmations.
// Nothing here stops the app; each message names the problem and can be dismissed.
import { escapeHtml } from './format';

export type MessageKind = 'warn' | 'error' | 'ok';

export class Messages {
  constructor(private readonly host: HTMLElement) {}

  /** Show a message with an optional list of details; `ttl` ms closes it by itself (0: stays). */
  show(kind: MessageKind, text: string, details: readonly string[] = [], ttl = 0, id?: string): HTMLElement {
    if (id) this.host.querySelector(`[data-id="${id}"]`)?.remove();
    const el = document.createElement('div');
    el.className = `msg ${kind}`;
    el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (id) el.dataset.id = id;
    const list = details.length
      ? `<ul>${details.map((d) => `<li><code>${escapeHtml(d)}</code></li>`).join('')}</ul>`
      : '';
    el.innerHTML = `<div class="body">${escapeHtml(text)}${list}</div><button type="button" aria-label="Dismiss">×</button>`;
    el.querySelector('button')!.addEventListener('click', () => el.remove());
    this.host.append(el);
    if (ttl > 0) setTimeout(() => el.remove(), ttl);
    return el;
  }

  clear(id: string): void {
    this.host.querySelector(`[data-id="${id}"]`)?.remove();
  }
}
