// Keyboard shortcuts: Space play/pause, ← → step, R reset, C compare, I info, Ctrl+Z undo,
// Ctrl+Shift+Z (or Ctrl+Y) redo. Typing in a field keeps its own keys (the field's own undo too).
import type { Intent } from '../app/intents';

export function connectKeyboard(dispatch: (i: Intent) => void, isOpen: () => boolean): void {
  // In the capture phase: lil-gui stops keys from leaving its panel, and Ctrl+Z must work there too.
  window.addEventListener(
    'keydown',
    (e) => {
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName ?? '';
      const typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable === true;
      const scrubber = el?.id === 't-scrub';
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const k = e.key.toLowerCase();
        if (typing && !scrubber) return;
        if (k === 'z') {
          e.preventDefault();
          dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
        } else if (k === 'y') {
          e.preventDefault();
          dispatch({ type: 'redo' });
        }
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // The scrubber keeps its own arrows; a focused button keeps its own space.
      if (typing && !(scrubber && (e.key === ' ' || e.key === 'r' || e.key === 'R'))) return;
      if (tag === 'BUTTON' && e.key === ' ') return;
      // Tabs move between themselves with the arrows.
      if (el?.getAttribute('role') === 'tab' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return;
      if (isOpen() && e.key !== 'Escape') return;
      switch (e.key) {
        case ' ':
          e.preventDefault();
          dispatch({ type: 'togglePlay' });
          break;
        case 'ArrowRight':
          e.preventDefault();
          dispatch({ type: 'step', by: 1 });
          break;
        case 'ArrowLeft':
          e.preventDefault();
          dispatch({ type: 'step', by: -1 });
          break;
        case 'r':
        case 'R':
          dispatch({ type: 'pause' });
          dispatch({ type: 'seek', t: 0 });
          break;
        case 'c':
        case 'C':
          dispatch({ type: 'toggleCompare' });
          break;
        case 'i':
        case 'I':
          dispatch({ type: 'info', open: true });
          break;
        case 'Escape':
          dispatch({ type: 'drawer', open: false });
          break;
        default:
      }
    },
    { capture: true },
  );
}
