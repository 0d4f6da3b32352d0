import { loadPreset } from '../src/scenario/presets';
import { Run } from '../src/sim/run';
const [id, actor, target] = [process.argv[2], process.argv[3], process.argv[4]];
const r = loadPreset(id);
if (!r.ok) throw new Error(r.errors.join());
const run = new Run(r.spec, { seed: 1 });
run.runTo(r.spec.steps);
for (let t = 1; t <= 4; t++) {
  const rec = run.recordAt(t);
  for (const m of rec.moves) if (m.actor === actor && (!target || m.target === target)) console.log(rec.date, m.label, m.p.toFixed(2), JSON.stringify(m.dU, (k, v) => typeof v === 'number' ? +v.toFixed(4) : v));
  console.log(rec.date, actor, JSON.stringify(rec.utility[actor], (k, v) => typeof v === 'number' ? +v.toFixed(3) : v));
}
