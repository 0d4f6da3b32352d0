import { loadPreset } from '../src/scenario/presets';
import { Run } from '../src/sim/run';
const id = process.argv[2] ?? 'post-ukraine';
const seed = Number(process.argv[3] ?? 1);
const r = loadPreset(id);
if (!r.ok) { console.log(r.errors); process.exit(1); }
const run = new Run(r.spec, { seed });
const f = (x: number) => x.toFixed(2);
for (let t = 0; t <= r.spec.steps; t++) {
  run.seek(t);
  const rec = run.recordAt(t);
  const i = rec.indicators;
  console.log(rec.date, rec.triangle.config.padEnd(17), 'dep', f(i.ru_dependence_on_cn), 'cnd', f(i.cn_dependence_on_ru), 'aut', f(i.ru_autonomy), 'neg', f(i.ru_negotiating_space), 'rfe', f(i.rfe_development), 'sea', f(i.ru_sea_presence),
    '| CN-RU', f(rec.ties['CN-RU']), 'CN-US', f(rec.ties['CN-US']), 'RU-US', f(rec.ties['RU-US']), 'JP-RU', f(rec.ties['JP-RU']), 'KR-RU', f(rec.ties['KR-RU']), 'KP-RU', f(rec.ties['KP-RU']), 'EU-RU', f(rec.ties['EU-RU']), 'RU-VN', f(rec.ties['RU-VN']),
    '| eCN', f(rec.energy.CN), 'eEU', f(rec.energy.EU), 'oth', f(rec.energy.other), 'piv', f(rec.levers.us_pivot), 'cam', f(rec.levers.vn_cam_ranh), 'nmoves', rec.moves.length);
}
console.log('hash', run.hash());
