// The Analysis tab (loaded the first time it is shown): a sensitivity study of the scenario on the
// browser's worker pool, and the claims-robustness map computed ahead by the CLI. A study is a job
// slot ('sensitivity'): each Run is a new generation, and only the latest generation's progress and
// result are accepted (app/jobs.ts), so a superseded study never overwrites a newer one.
import {
  APP_DEFAULTS,
  indicatorsOf,
  METHODS,
  readStudyForm,
  type StudyForm,
  type StudyRequest,
  studyColumns,
} from '../app/analysis';
import type { Intent } from '../app/intents';
import type { JobSlot } from '../app/jobs';
import { importedVersions, resolveOrDefault } from '../app/library';
import type { AppState } from '../app/state';
import type { Store } from '../app/store';
import type { ModelSpec } from '../model/spec';
import type { ClaimsMapFile } from '../sim/claimsMapFile';
import { CancelledError } from '../sim/pool';
import type { Method } from '../sim/sensitivity';
import { analyse, type StudyResult } from '../sim/study';
import { webPool } from '../sim/webPool';
import { type Bar, barChart } from './analysisCharts';
import { h } from './dom';

const KIND = 'sensitivity';

interface StudyValue {
  result: StudyResult;
  command: string;
  points: number;
  runs: number;
  /** From the request to the result: the pool's work and the analysis (bootstrap included). */
  ms: number;
}

type View = 'sensitivity' | 'claims';

function scenarioOf(s: AppState): { spec: ModelSpec; name: string } {
  const loaded = resolveOrDefault(s.library, s.doc.scenario, s.doc.file);
  if (!s.doc.file) return { spec: loaded.spec, name: loaded.spec.id };
  const file = importedVersions(s.library, s.doc.scenario).find((f) => f.fp === s.doc.file);
  return { spec: loaded.spec, name: file?.name ?? `${loaded.spec.id}.json` };
}

const num = (x: number | undefined, d = 3) =>
  x === undefined || Number.isNaN(x) ? '–' : Math.abs(x) >= 1000 ? x.toExponential(2) : x.toFixed(d);

export function connectAnalysis(host: HTMLElement, store: Store, dispatch: (i: Intent) => void): void {
  let view: View = 'sensitivity';
  const pick = (v: View) => {
    view = v;
    for (const [id, b] of tabs) b.setAttribute('aria-pressed', String(id === v));
    sens.hidden = v !== 'sensitivity';
    claims.hidden = v !== 'claims';
    if (v === 'claims') void showClaims(claims);
  };
  const tabs = (
    [
      ['sensitivity', 'Sensitivity'],
      ['claims', 'Claims map'],
    ] as const
  ).map(
    ([id, label]) =>
      [
        id,
        h('button', { text: label, attrs: { type: 'button', 'data-view': id }, on: { click: () => pick(id) } }),
      ] as const,
  );
  const sens = h('section', { class: 'an-sens', attrs: { 'aria-label': 'Sensitivity analysis' } });
  const claims = h('section', { class: 'an-claims', attrs: { 'aria-label': 'Claims-robustness map' } });
  host.replaceChildren(
    h('div', { class: 'an-switch', attrs: { role: 'group', 'aria-label': 'Analysis' } }, ...tabs.map((t) => t[1])),
    sens,
    claims,
  );
  connectSensitivity(sens, store, dispatch);
  pick(view);
}

function connectSensitivity(host: HTMLElement, store: Store, dispatch: (i: Intent) => void): void {
  const indicator = h('select', { attrs: { 'aria-label': 'Indicator' } });
  const method = h(
    'select',
    { attrs: { 'aria-label': 'Method' } },
    ...METHODS.map((m) => h('option', { text: m.label, attrs: { value: m.id } })),
  );
  const samples = h('input', { attrs: { type: 'text', inputmode: 'numeric', size: 5, 'aria-label': 'Sample size' } });
  const seeds = h('input', {
    attrs: {
      type: 'text',
      inputmode: 'numeric',
      size: 4,
      'aria-label': 'Seeds per point',
      value: String(APP_DEFAULTS.seeds),
    },
  });
  const run = h('button', { class: 'an-run', text: 'Run', attrs: { type: 'submit' } });
  const cancel = h('button', { text: 'Cancel', attrs: { type: 'button', disabled: true } });
  const samplesLabel = h('label', {}, h('span', { text: 'Sample size' }), samples);
  const form = h(
    'form',
    { class: 'an-form', attrs: { novalidate: true } },
    h('label', {}, h('span', { text: 'Indicator' }), indicator),
    h('label', {}, h('span', { text: 'Method' }), method),
    samplesLabel,
    h('label', {}, h('span', { text: 'Seeds' }), seeds),
    h('span', { class: 'an-buttons' }, run, cancel),
  );
  const about = h('p', { class: 'an-note muted' });
  const problem = h('p', { class: 'an-problem', attrs: { role: 'alert' } });
  const bar = h('progress', { attrs: { max: 1, value: 0, 'aria-label': 'Study progress' } });
  const status = h('span', { class: 'an-status', attrs: { 'aria-live': 'polite' } });
  const progress = h('div', { class: 'an-progress' }, bar, status);
  const chart = h('div', { class: 'an-chart' });
  const command = h('p', { class: 'an-cli' });
  const table = h('div', { class: 'an-table' });
  host.replaceChildren(form, about, problem, progress, chart, command, table);

  const lastSamples: Record<string, string> = {
    sobol: String(APP_DEFAULTS.sobol),
    morris: String(APP_DEFAULTS.morris),
  };
  let shownMethod: Method = 'oat';
  const syncSamples = () => {
    const m = method.value as Method;
    if (shownMethod !== 'oat') lastSamples[shownMethod] = samples.value;
    shownMethod = m;
    samplesLabel.hidden = m === 'oat';
    samples.value = m === 'oat' ? '' : (lastSamples[m] ?? '');
    describe();
  };
  const readForm = (): StudyForm => ({
    indicator: indicator.value,
    method: method.value as Method,
    samples: samples.value,
    seeds: seeds.value,
  });
  const describe = () => {
    const sc = scenarioOf(store.get());
    const spec = sc.spec;
    const r = readStudyForm(spec, sc.name, readForm());
    if (!r.ok) {
      about.textContent = '';
      return;
    }
    const q = r.request;
    const nl = q.plan.inputs.filter((i) => i.kind === 'lever').length;
    const np = q.plan.inputs.length - nl;
    about.textContent = `${spec.id}, as loaded (your slider edits are not part of a study): ${nl} levers over their whole range and ${np} free parameters within ±25% of their values; ${q.points.toLocaleString('en-US')} points × ${q.plan.seeds} seed${q.plan.seeds === 1 ? '' : 's'} = ${q.runs.toLocaleString('en-US')} runs of ${q.plan.steps} quarters, to ${q.plan.horizon}.`;
  };
  method.addEventListener('change', syncSamples);
  for (const el of [indicator, samples, seeds]) el.addEventListener('input', () => describe());

  // The indicator list follows the scenario shown.
  store.watch(
    (s) => scenarioOf(s).spec,
    (spec) => {
      const names = indicatorsOf(spec);
      const keep = indicator.value;
      indicator.replaceChildren(...names.map((n) => h('option', { text: n, attrs: { value: n } })));
      indicator.value = names.includes(keep) ? keep : names.includes('CN-RU') ? 'CN-RU' : names[0];
      describe();
    },
  );
  syncSamples();

  // The latest study asked for; `fresh` until its generation has started it.
  let pending: { request: StudyRequest; spec: ModelSpec; fresh: boolean } | null = null;
  let lastError = 'Cancelled.';
  let controller: AbortController | null = null;
  let progressUpdates = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const sc = scenarioOf(store.get());
    const r = readStudyForm(sc.spec, sc.name, readForm());
    if (!r.ok) {
      problem.textContent = r.message;
      host.dataset.problem = 'true';
      return;
    }
    problem.textContent = '';
    delete host.dataset.problem;
    pending = { request: r.request, spec: sc.spec, fresh: true };
    dispatch({ type: 'jobRequest', kind: KIND, key: r.request.key, now: performance.now() });
  });
  cancel.addEventListener('click', () => {
    const slot = store.get().jobs[KIND];
    if (!slot) return;
    controller?.abort();
    lastError = 'Cancelled.';
    dispatch({ type: 'jobError', kind: KIND, gen: slot.gen, error: 'Cancelled.' });
  });

  // Each new generation starts its study; the one before is cancelled (its queued points dropped).
  store.watch(
    (s) => s.jobs[KIND]?.gen ?? 0,
    (gen) => {
      const slot = store.get().jobs[KIND];
      if (!slot || slot.key === null || gen === 0) return;
      const job = pending && pending.request.key === slot.key ? pending : null;
      if (!job) return;
      // A retry of every job (after the band's worker restarted) renews this slot's generation too: a
      // study still running starts again under it, a finished or cancelled one stands as it was.
      if (!job.fresh && controller === null) {
        const value = slot.valueKey === slot.key ? slot.value : null;
        if (value !== null) dispatch({ type: 'jobResult', kind: KIND, gen, value, now: performance.now() });
        else dispatch({ type: 'jobError', kind: KIND, gen, error: lastError });
        return;
      }
      controller?.abort();
      pending = { ...job, fresh: false };
      const t0 = performance.now();
      const ctl = new AbortController();
      controller = ctl;
      progressUpdates = 0;
      const { request, spec } = job;
      webPool()
        .study(spec, request.plan, {
          signal: ctl.signal,
          onProgress: (done, total) => dispatch({ type: 'jobProgress', kind: KIND, gen, done: done / total }),
        })
        .then((y) => {
          const value: StudyValue = {
            result: analyse(request.plan, y),
            command: request.command,
            points: request.points,
            runs: request.runs,
            ms: performance.now() - t0,
          };
          dispatch({ type: 'jobResult', kind: KIND, gen, value, now: performance.now() });
        })
        .catch((e: unknown) => {
          if (e instanceof CancelledError) return;
          lastError = e instanceof Error ? e.message : String(e);
          dispatch({ type: 'jobError', kind: KIND, gen, error: e instanceof Error ? e.message : String(e) });
        })
        .finally(() => {
          if (controller === ctl) controller = null;
        });
    },
  );

  let drawn: unknown = null;
  const draw = (slot: JobSlot<StudyValue> | undefined) => {
    const busy = slot?.status === 'pending' || slot?.status === 'stale';
    cancel.disabled = !busy;
    progress.hidden = !slot || slot.status === 'idle';
    bar.value = slot?.progress ?? 0;
    host.dataset.status = slot?.status ?? 'idle';
    if (busy) {
      progressUpdates++;
      host.dataset.progressUpdates = String(progressUpdates);
      status.textContent = `Running on ${webPool().size} workers: ${Math.round(100 * (slot?.progress ?? 0))}%`;
    } else if (slot?.status === 'error')
      status.textContent =
        slot.error === 'Cancelled.'
          ? 'Cancelled; the last finished study stays shown.'
          : `The study failed: ${slot.error}`;
    else if (slot?.status === 'ready' && slot.value)
      status.textContent = `Done: ${slot.value.points.toLocaleString('en-US')} points × ${slot.value.result.seeds} seed${slot.value.result.seeds === 1 ? '' : 's'} in ${(slot.value.ms / 1000).toFixed(1)} s.`;
    if (slot?.status === 'ready' && slot.value) host.dataset.ms = slot.value.ms.toFixed(0);
    const value = slot?.value ?? null;
    if (value === drawn) return;
    drawn = value;
    if (!value) {
      chart.replaceChildren();
      command.replaceChildren();
      table.replaceChildren();
      return;
    }
    renderStudy(value, chart, command, table);
  };
  store.watch((s) => s.jobs[KIND] as JobSlot<StudyValue> | undefined, draw);
  let drawnWidth = 0;
  new ResizeObserver(() => {
    const v = drawn as StudyValue | null;
    if (v && chart.clientWidth !== drawnWidth) {
      drawnWidth = chart.clientWidth;
      renderChart(v.result, chart);
    }
  }).observe(chart);
}

function renderStudy(v: StudyValue, chart: HTMLElement, command: HTMLElement, table: HTMLElement): void {
  const r = v.result;
  renderChart(r, chart);
  command.replaceChildren(
    h('span', { class: 'muted', text: 'The same numbers from the command line: ' }),
    h('code', { text: v.command }),
  );
  const cols = studyColumns(r.method);
  table.replaceChildren(
    h(
      'details',
      {},
      h('summary', { text: `Every input (${r.inputs.length}), most influential first` }),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data an-inputs' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { text: 'input' }),
              h('th', { text: 'kind' }),
              h('th', { text: 'range' }),
              ...cols.map(([c]) => h('th', { class: 'num', text: c })),
            ),
          ),
          h(
            'tbody',
            {},
            ...r.inputs.map((i) =>
              h(
                'tr',
                { data: { input: i.name } },
                h('td', { text: i.name }),
                h('td', { text: i.kind }),
                h('td', { text: `${num(i.lo)}..${num(i.hi)}` }),
                ...cols.map(([c, f]) => h('td', { class: 'num', text: num(f(i)), data: { col: c, v: String(f(i)) } })),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Inputs drawn in a chart; the table lists every one. */
const TOP = 15;

function renderChart(r: StudyResult, host: HTMLElement): void {
  const width = Math.max(300, host.clientWidth || 600);
  const top = r.inputs.slice(0, TOP);
  const more = r.inputs.length > TOP ? ` (the ${TOP} most influential of ${r.inputs.length} inputs)` : '';
  const where = `${r.scenario}, ${r.indicator} at ${r.horizon}, ${r.seeds} seed${r.seeds === 1 ? '' : 's'} per point`;
  if (r.method === 'oat') {
    const base = r.base ?? 0;
    const bars: Bar[] = top.map((i) => ({
      label: i.name,
      marks: [
        { kind: 'bar', from: base, to: i.low ?? base, cls: 'low' },
        { kind: 'bar', from: base, to: i.high ?? base, cls: 'high' },
      ],
      title: `${i.name}: ${num(i.low)} at ${num(i.lo)}, ${num(i.high)} at ${num(i.hi)} (base ${num(base)})`,
    }));
    host.replaceChildren(
      barChart({
        title: `Tornado: ${r.indicator} with one input at a time at the low and the high end of its range${more}`,
        subtitle: `${where}; the line is ${num(base)}, every input at its base`,
        bars,
        ref: base,
        width,
        xLabel: r.indicator,
        legend: [
          ['low', 'input at the low end'],
          ['high', 'input at the high end'],
        ],
      }),
    );
  } else if (r.method === 'morris') {
    const bars: Bar[] = top.map((i) => ({
      label: i.name,
      marks: [
        { kind: 'bar', from: 0, to: i.muStar?.value ?? 0, cls: 'mustar' },
        { kind: 'whisker', from: i.muStar?.lo ?? Number.NaN, to: i.muStar?.hi ?? Number.NaN },
        { kind: 'dot', at: i.sigma ?? Number.NaN, cls: 'sigma' },
      ],
      title: `${i.name}: μ* ${num(i.muStar?.value)} [${num(i.muStar?.lo)}, ${num(i.muStar?.hi)}], σ ${num(i.sigma)}, μ ${num(i.mu)}`,
    }));
    host.replaceChildren(
      barChart({
        title: `Morris screening: μ* (mean |elementary effect|) and σ${more}`,
        subtitle: `${where}; ${r.samples} trajectories${r.samples < 10 ? ' (few: rough)' : ''}; the change in ${r.indicator} for crossing an input's whole range; whiskers: 95% bootstrap interval of μ*`,
        bars,
        ref: 0,
        width,
        xLabel: `effect on ${r.indicator}`,
        legend: [
          ['mustar', 'μ* (mean |effect|)'],
          ['sigma', 'σ (spread: interactions, non-linearity)'],
        ],
      }),
    );
  } else {
    const bars: Bar[] = top.map((i) => ({
      label: i.name,
      marks: [
        { kind: 'bar', from: 0, to: i.total?.value ?? 0, cls: 'st', half: 'top' },
        { kind: 'whisker', from: i.total?.lo ?? Number.NaN, to: i.total?.hi ?? Number.NaN, half: 'top' },
        { kind: 'bar', from: 0, to: i.first?.value ?? 0, cls: 's1', half: 'bottom' },
        { kind: 'whisker', from: i.first?.lo ?? Number.NaN, to: i.first?.hi ?? Number.NaN, half: 'bottom' },
      ],
      title: `${i.name}: S1 ${num(i.first?.value)} [${num(i.first?.lo)}, ${num(i.first?.hi)}], ST ${num(i.total?.value)} [${num(i.total?.lo)}, ${num(i.total?.hi)}]`,
    }));
    host.replaceChildren(
      barChart({
        title: `Sobol′ indices: the share of ${r.indicator}'s variance due to each input${more}`,
        subtitle: `${where}; ${r.samples} base points${r.samples < 32 ? ' (few: rough indices, see their intervals)' : ''}; whiskers: 95% bootstrap intervals; output variance ${num(r.variance, 4)}`,
        bars,
        ref: 0,
        width,
        xLabel: 'share of variance',
        legend: [
          ['st', 'ST total (with interactions)'],
          ['s1', 'S1 first order (alone)'],
        ],
      }),
    );
  }
}

let mapFile: Promise<ClaimsMapFile> | null = null;

async function showClaims(host: HTMLElement): Promise<void> {
  if (host.childElementCount > 0) return;
  host.replaceChildren(h('p', { class: 'muted', text: 'Loading the claims map…' }));
  mapFile ??= import('../data/claims-map.json').then((m) => m.default as unknown as ClaimsMapFile);
  let f: ClaimsMapFile;
  try {
    f = await mapFile;
  } catch (e) {
    mapFile = null;
    host.replaceChildren(
      h('p', {
        class: 'an-problem',
        attrs: { role: 'alert' },
        text: `The claims map could not be loaded: ${e instanceof Error ? e.message : String(e)}. Reload to try again.`,
      }),
    );
    return;
  }
  const r = f.result;
  const pct = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(100 * x)}%`);
  const rows = r.claims.map((c) =>
    h(
      'tr',
      { data: { claim: c.id, share: String(c.share) } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('b', { text: c.id }),
        c.definitional ? h('span', { class: 'muted', text: ' (definitional)' }) : '',
      ),
      h('td', { class: 'an-claim-text', text: c.text }),
      h(
        'td',
        { class: 'an-share' },
        h(
          'span',
          { class: 'an-share-bar', attrs: { 'aria-hidden': 'true' } },
          h('span', { style: { width: `${(100 * c.share).toFixed(1)}%` } }),
        ),
        h('span', { text: `${pct(c.share)} (${c.holds}/${c.points})` }),
      ),
      h(
        'td',
        { class: 'an-deciding' },
        c.parameters.length === 0
          ? h('span', {
              class: 'muted',
              text: c.holds === c.points ? 'holds at every point: nothing decides it here' : 'holds at no point',
            })
          : h(
              'ul',
              {},
              ...c.parameters
                .slice(0, 3)
                .map((p) =>
                  h(
                    'li',
                    { data: { param: p.name } },
                    h('code', { text: p.name }),
                    ` r ${p.r >= 0 ? '+' : '−'}${Math.abs(p.r).toFixed(2)}${p.marked ? '*' : ''}: holds in ${pct(p.shareLow)} of the lower half, ${pct(p.shareHigh)} of the upper`,
                  ),
                ),
            ),
      ),
    ),
  );
  host.replaceChildren(
    h(
      'p',
      { class: 'an-note' },
      `For each claim of CLAIMS.md, the share of ${r.samples} points of a Latin hypercube over ${r.inputs.length} free parameters (each within ±${100 * r.spread}% of its default, all presets at once, ${r.seeds} seeds per condition) in which it holds, and the parameters that decide it: the point-biserial r of "holds" with the parameter's position in its range (* where |r| ≥ 2/√${r.samples} = ${(2 / Math.sqrt(r.samples)).toFixed(2)}), with the share holding in the lower and the upper half of its range.`,
    ),
    h(
      'div',
      { class: 'table-scroll an-map' },
      h(
        'table',
        { class: 'data an-claims-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...(
              [
                ['c-id', 'claim'],
                ['c-text', 'statement'],
                ['c-share', 'holds in'],
                ['c-deciding', 'deciding parameters (strongest three)'],
              ] as const
            ).map(([c, t]) => h('th', { class: c, text: t })),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
    h(
      'p',
      { class: 'an-cli' },
      h('span', { class: 'muted', text: 'Computed ahead (a map costs minutes of CPU) by ' }),
      h('code', { text: f.command }),
      h('span', { class: 'muted', text: ', which prints the same map as ' }),
      h('code', { text: f.cli }),
      h('span', {
        class: 'muted',
        text: `; model fingerprint ${f.fingerprint.digest} (version ${f.version}, commit ${f.commit}); ${f.seconds} s on ${f.workers} worker threads.`,
      }),
    ),
    r.fixed.length > 0
      ? h('p', { class: 'muted an-note', text: `Not varied (a default of 0 has no ±25%): ${r.fixed.join(', ')}.` })
      : '',
  );
}
