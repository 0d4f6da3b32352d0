// Sharing and saving, in plain sight at the top of the controls: copy a link, import a scenario file,
// export the scenario (JSON, checked by running it), the run (CSV, the CLI's file) and the report
// (PNG, or PDF through the print dialog; also in the header's "Save report" menu).
import { computeFull } from '../app/derive';
import type { Intent } from '../app/intents';
import { fileBase, frame } from '../app/select';
import type { Store } from '../app/store';
import { decodeScenarioBytes, FILE_BYTES_MAX } from '../scenario/decode';
import { byId, h } from './dom';
import type { ReportParts } from './report';

// The file writers and the report load on first use (or once the page is idle), not with the page.
const files = () => import('../app/files');
const report = () => import('./report');
let reportModule: Awaited<ReturnType<typeof report>> | null = null;

function clickDownload(name: string, href: string): void {
  const a = h('a', { attrs: { href, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
}

export function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  clickDownload(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface ShareActions {
  copyLink(): Promise<void>;
  importFile(): void;
  exportJson(): Promise<void>;
  exportCsv(): Promise<void>;
  reportPng(): Promise<void>;
  reportPdf(): Promise<void>;
  /** Fill the printable report (what printing shows). */
  prepareReport(): Promise<void>;
}

export function connectShare(store: Store, dispatch: (i: Intent) => void, parts: ReportParts): ShareActions {
  const input = byId<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    // At most one byte past the limit is read: the shared decoder refuses the rest, as the CLI does.
    if (f)
      void f
        .slice(0, FILE_BYTES_MAX + 1)
        .arrayBuffer()
        .then((b) => {
          const d = decodeScenarioBytes(new Uint8Array(b));
          dispatch(
            d.ok
              ? { type: 'import', text: d.text, fileName: f.name }
              : { type: 'import', problem: d.error, fileName: f.name },
          );
        });
    input.value = '';
  });
  const say = (id: string, kind: 'ok' | 'warn', text: string, details: string[] = [], ttl = 6000) =>
    dispatch({ type: 'message', message: { id, kind, text, details, ttl } });

  const actions: ShareActions = {
    async copyLink() {
      const url = location.href;
      try {
        await navigator.clipboard.writeText(url);
        say('link-copied', 'ok', 'Link copied: it reproduces exactly this view.', [], 4000);
      } catch {
        say('link-copied', 'warn', 'Could not copy; the address bar holds the link to this view.', [url], 8000);
      }
    },
    importFile() {
      input.click();
    },
    async exportJson() {
      const { retraces, scenarioJson } = await files();
      const s = store.get();
      const a = store.runs(s).a;
      const name = `${a.id}.json`;
      const text = scenarioJson(a.file, s.doc.edits, a.spec.start, s.doc.seed);
      download(name, text, 'application/json');
      const full = computeFull(a);
      const problem = retraces(text, s.doc.seed, full.run, full.horizon);
      const mid = s.doc.edits.some((e) => e.t > 0);
      if (problem)
        say(
          'export',
          'warn',
          `Exported ${name}, but it does not reproduce this run exactly: ${problem}. A scenario file cannot hold every sequence of lever changes (a lever pinned once is not set again by a later event).`,
          [],
          0,
        );
      else
        say(
          'export',
          'ok',
          `Exported ${name}: run with seed ${s.doc.seed}, it reproduces this run${mid ? "'s ties and indicators (your later lever changes are events in it, so its hashes differ from the app's)" : ' and its hashes'}.`,
        );
    },
    async exportCsv() {
      const { runCsv } = await files();
      const s = store.get();
      const a = store.runs(s).a;
      download(`${fileBase(s, store.runs(s))}.csv`, runCsv(a.run, a.records, s.doc.edits, s.doc.weights), 'text/csv');
    },
    async reportPng() {
      const { reportPng } = await report();
      const s = store.get();
      const runs = store.runs(s);
      clickDownload(`${fileBase(s, runs)}-${frame(s, runs).date}-report.png`, reportPng(store, parts));
    },
    async reportPdf() {
      const { printReport } = await report();
      await printReport(store, parts);
    },
    async prepareReport() {
      (await report()).prepareReport(store, parts);
    },
  };

  const row = byId('share');
  const button = (id: string, text: string, title: string, fn: () => void) =>
    h('button', { class: 'btn', id, text, title, attrs: { type: 'button' }, on: { click: fn } });
  row.replaceChildren(
    button('share-link', 'Copy link', 'Copy a link that reproduces exactly this view', () => void actions.copyLink()),
    button(
      'share-import',
      'Import…',
      'Import a scenario file (JSON); problems are listed by field',
      actions.importFile,
    ),
    button('share-json', 'Scenario JSON', 'Export the scenario with your changes written in', actions.exportJson),
    button('share-csv', 'Run CSV', 'Export the run as the command line writes it', actions.exportCsv),
    button(
      'share-png',
      'Report PNG',
      'The whole view as a picture, with scenario, seed, changes, date and hash',
      actions.reportPng,
    ),
    button('share-pdf', 'Report PDF', 'The whole view as a printable page (choose "Save as PDF")', actions.reportPdf),
  );

  // The header's "Save report" menu.
  const menuBtn = byId<HTMLButtonElement>('btn-report');
  const menu = byId('report-menu');
  const close = () => {
    menu.hidden = true;
    menuBtn.setAttribute('aria-expanded', 'false');
  };
  menuBtn.addEventListener('click', (e) => {
    e.stopPropagation();
    menu.hidden = !menu.hidden;
    menuBtn.setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector('button')?.focus();
  });
  menu.replaceChildren(
    h('button', {
      text: 'PNG picture',
      attrs: { type: 'button', role: 'menuitem' },
      on: {
        click: () => {
          close();
          void actions.reportPng();
        },
      },
    }),
    h('button', {
      text: 'PDF (print dialog)',
      attrs: { type: 'button', role: 'menuitem' },
      on: {
        click: () => {
          close();
          void actions.reportPdf();
        },
      },
    }),
  );
  document.addEventListener('click', (e) => {
    if (!menu.hidden && !menu.contains(e.target as Node)) close();
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      close();
      menuBtn.focus();
    }
  });
  // Printing from the browser's menu (Ctrl+P) fills the report at once: the module must be there already.
  setTimeout(() => {
    void report().then((m) => {
      reportModule = m;
    });
  }, 3000);
  window.addEventListener('beforeprint', () => reportModule?.prepareReport(store, parts));
  return actions;
}
