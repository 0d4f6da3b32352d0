import { loadPreset } from '../src/scenario/presets';
import { ensemble } from '../src/sim/ensemble';
const r = loadPreset('post-ukraine');
if (!r.ok) throw new Error();
const t0 = performance.now();
const e = ensemble(r.spec, { seeds: 200 });
console.log('200 seeds ms', (performance.now() - t0).toFixed(0));
const last = e.trajectory[e.trajectory.length - 1];
console.log(last.date, JSON.stringify(last.metrics.ru_dependence_on_cn), JSON.stringify(last.configs));
