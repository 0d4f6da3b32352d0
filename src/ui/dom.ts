// Building DOM without HTML strings: text is always text (a scenario's names come from files the
// user imports), and styles are set through the CSSOM, which a strict Content-Security-Policy allows
// where `style="..."` attributes would need 'unsafe-inline'.

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  title?: string;
  text?: string;
  /** CSS properties and custom properties (--c), set one by one. */
  style?: Record<string, string>;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  data?: Record<string, string | number>;
  on?: Partial<Record<keyof HTMLElementEventMap, (e: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.style) for (const [k, v] of Object.entries(props.style)) el.style.setProperty(k, v);
  if (props.attrs)
    for (const [k, v] of Object.entries(props.attrs)) {
      if (v === null || v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  if (props.data) for (const [k, v] of Object.entries(props.data)) el.dataset[k] = String(v);
  if (props.on) for (const [k, fn] of Object.entries(props.on)) if (fn) el.addEventListener(k, fn);
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page lacks #${id}`);
  return el as T;
}

/** Replace an element's children (cheaper to read than innerHTML = '' then append). */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren(
    ...children
      .filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === 'number' ? String(c) : c)),
  );
}

/** Trusted, static markup (the Info panel's own words), never anything from a file or a link. */
export function staticHtml(el: Element, html: string): void {
  el.innerHTML = html;
}
