// The Chart / Table / Sources tabs under the scene, after Our World in Data's grapher. The tab is part
// of the link (tab=table); arrow keys move between tabs.
import { TABS, type Tab } from '../app/doc';
import type { Intent } from '../app/intents';
import type { Store } from '../app/store';
import { byId } from './dom';

export function connectTabs(store: Store, dispatch: (i: Intent) => void, onShow: (tab: Tab) => void): void {
  const buttons = TABS.map((t) => byId<HTMLButtonElement>(`tab-${t}`));
  buttons.forEach((b, k) => {
    b.addEventListener('click', () => dispatch({ type: 'setTab', tab: TABS[k] }));
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      e.stopPropagation();
      const next = (k + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
      dispatch({ type: 'setTab', tab: TABS[next] });
      buttons[next].focus();
    });
  });
  store.watch(
    (s) => s.tab,
    (tab) => {
      TABS.forEach((t, k) => {
        const on = t === tab;
        buttons[k].setAttribute('aria-selected', String(on));
        buttons[k].tabIndex = on ? 0 : -1;
        byId(`panel-${t}`).hidden = !on;
      });
      document.body.dataset.tab = tab;
      onShow(tab);
    },
  );
}
