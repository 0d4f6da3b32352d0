// The address bar and the browser's history follow the app's history: each change of the document is a
// new browser entry (so Back and Forward move between states), moving in time updates the entry shown,
// and undo/redo move the browser along with it. Each entry carries its number, so a Back lands on the
// matching state; an entry from before a reload is restored from its link.
import { serialize } from '../app/doc';
import type { Intent } from '../app/intents';
import type { AppState } from '../app/state';
import type { Store } from '../app/store';

interface EntryState {
  entry: number;
}

function entryOf(state: unknown): number | null {
  const e = (state as EntryState | null)?.entry;
  return typeof e === 'number' && Number.isInteger(e) ? e : null;
}

/** The browser entry this page shows (kept across a reload), to start our history from. */
export function currentEntry(): number {
  return entryOf(history.state) ?? 0;
}

export function connectLocation(store: Store, dispatch: (i: Intent) => void): void {
  const urlOf = (s: AppState) => serialize(s.doc, s.tab);
  const entry = (s: AppState) => s.history.dropped + s.history.index;
  /** After an undo or redo, the browser entry that matches: history.go() moves there, asynchronously. */
  let wanted: number | null = null;
  let travelling = false;
  let guard = 0;
  let replaceTimer = 0;

  const travel = (from: number) => {
    if (wanted === null || wanted === from) {
      wanted = null;
      travelling = false;
      return false;
    }
    travelling = true;
    history.go(wanted - from);
    // If the browser has no such entry, no popstate comes: stop waiting and write the entry shown.
    clearTimeout(guard);
    guard = window.setTimeout(() => {
      if (!travelling) return;
      travelling = false;
      wanted = null;
      replaceNow();
    }, 1500);
    return true;
  };

  const replaceNow = () => {
    clearTimeout(replaceTimer);
    replaceTimer = 0;
    const s = store.get();
    if (travelling) return;
    const url = urlOf(s);
    if (location.search !== url || entryOf(history.state) !== entry(s))
      history.replaceState({ entry: entry(s) }, '', url);
  };

  history.replaceState({ entry: entry(store.get()) }, '', urlOf(store.get()));

  store.watch(
    (s) => [s.history, s.tab, s.playing] as const,
    ([h, , playing], prev) => {
      const s = store.get();
      if (prev && h === prev[0] && h.op !== 'replace' && h.op !== 'init') {
        // Only the tab or playing changed.
        replaceNow();
        return;
      }
      switch (h.op) {
        case 'push':
          clearTimeout(replaceTimer);
          replaceTimer = 0;
          // The end of a drag changes the history object, not its entries: that is no new entry.
          if (entryOf(history.state) !== entry(s)) history.pushState({ entry: entry(s) }, '', urlOf(s));
          else replaceNow();
          break;
        case 'undo':
        case 'redo':
          wanted = entry(s);
          if (!travelling) travel(entryOf(history.state) ?? wanted);
          break;
        default:
          // Playing changes the step many times a second: batch those (browsers limit replaceState).
          if (playing) {
            if (!replaceTimer) replaceTimer = window.setTimeout(replaceNow, 400);
          } else replaceNow();
      }
    },
    { eq: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2], now: false },
  );

  window.addEventListener('popstate', (e) => {
    const at = entryOf(e.state);
    if (travelling) {
      travelling = false;
      clearTimeout(guard);
      // More undos came while the browser moved: keep going; else this is where we wanted to be.
      if (at !== null && travel(at)) return;
      wanted = null;
      replaceNow();
      return;
    }
    const s = store.get();
    const first = s.history.dropped;
    const last = first + s.history.entries.length - 1;
    if (at !== null && at >= first && at <= last) dispatch({ type: 'goto', entry: at });
    else dispatch({ type: 'navigate', query: location.search, entry: at ?? 0 });
  });
}
