// Prints the measured share of seeds for every claim (the numbers the claims tests assert on).
// Usage: npx tsx tools/claims-report.ts   (CLAIM_SEEDS=200 for more seeds)
import { CLAIMS } from '../tests/claims/claims';

for (const c of CLAIMS) {
  const t0 = performance.now();
  const r = c.measure();
  const ms = performance.now() - t0;
  const checks = r.checks.map(
    (k) =>
      `${k.label}: ${(k.value * (k.kind === 'share' ? 100 : 1)).toFixed(k.kind === 'share' ? 0 : 3)}${k.kind === 'share' ? '%' : ''} (need ${k.kind === 'share' ? '≥ ' + (k.need * 100).toFixed(0) + '%' : k.need})${k.pass ? '' : ' FAIL'}`,
  );
  console.log(`${c.id.padEnd(4)} ${r.pass ? 'pass' : 'FAIL'}  ${checks.join('; ')}  [${ms.toFixed(0)} ms]`);
}
