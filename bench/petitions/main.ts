/**
 * `npm run bench -- petitions`: the pure analysis a drive page runs on every read (issue 13), on a
 * big statewide drive: 200 circulators × 90 days (≈ 18,000 packets, ≈ 11,000 checks), and the
 * duplicate-signer check on signer lines. The key-hash grouping is measured against a naive
 * pairwise comparison on the same lines (the ratio), at a size the naive one can finish.
 * Wall clock, best and median of a few runs; the machine may be shared.
 */

import { addDays } from '../../src/core/petitions/days.ts';
import { duplicateSigners, type SignerLine, signerKey } from '../../src/core/petitions/duplicates.ts';
import { projectDrive } from '../../src/core/petitions/projection.ts';
import {
  type CheckFact,
  outlierCirculators,
  overallValidity,
  validityBy,
} from '../../src/core/petitions/validity.ts';
import { type VerificationRule, verificationRuleByKey } from '../../src/core/petitions/verification-rules.ts';
import { seededRandom } from '../../src/core/tabulate/random.ts';

const runs = 5;
const best = (t: number[]) => Math.min(...t);
const median = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)] as number;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
function time(work: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push((performance.now() - start) / 1000);
  }
  return times;
}

const random = seededRandom('bench-petitions');
const start = '2026-01-01';
const packets: Array<{ id: string; day: string; raw: number; circulator: string; county: string }> = [];
const checks: CheckFact[] = [];
for (let d = 0; d < 90; d++) {
  for (let c = 0; c < 200; c++) {
    {
      const id = `p${packets.length}`;
      const raw = 10 + random.below(41);
      packets.push({
        id,
        day: addDays(start, d),
        raw,
        circulator: `c${c}`,
        county: `county${random.below(64)}`,
      });
      if (random.below(10) < 6) {
        const valid = Math.round(raw * (0.6 + random.below(35) / 100));
        checks.push({
          packetId: id,
          circulatorId: `c${c}`,
          county: `county${random.below(64)}`,
          linesChecked: raw,
          linesValid: valid,
          reasons: { not_registered: raw - valid },
        });
      }
    }
  }
}
const rule = verificationRuleByKey('us-ca') as VerificationRule;

console.log(
  `drive: ${packets.length.toLocaleString('en')} packets, ${checks.length.toLocaleString('en')} checks, 200 circulators`,
);
const analysis = time(() => {
  const overall = overallValidity(checks);
  outlierCirculators(validityBy(checks, (c) => c.circulatorId));
  validityBy(checks, (c) => c.county);
  validityBy(checks, (c) => c.packetId);
  projectDrive({
    required: 1_000_000,
    startDay: start,
    asOfDay: addDays(start, 89),
    deadlineDay: addDays(start, 150),
    daily: packets.map((p) => ({ day: p.day, raw: p.raw })),
    checked: overall.checked,
    valid: overall.valid,
    duplicates: 0,
    expectedValidity: 0.79,
    rule,
  });
});
console.log(`  analysis        best ${ms(best(analysis))}, median ${ms(median(analysis))}`);

const lines = (n: number): SignerLine[] =>
  Array.from({ length: n }, (_, i) => {
    const person = random.below(Math.floor(n * 0.98));
    return {
      packetId: `p${i % 1000}`,
      line: i,
      name: `Person ${person} Example`,
      address: `${person} Main Street`,
    };
  });
const big = lines(50_000);
const grouped = time(() => duplicateSigners(big));
console.log(`  duplicates 50k  best ${ms(best(grouped))}, median ${ms(median(grouped))}`);

const small = lines(5_000);
/** The spreadsheet way: every line against every later line (keys computed once, to be fair). */
const naive = (all: SignerLine[]) => {
  const keys = all.map((l) => signerKey(l.name, l.address));
  let pairs = 0;
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) if (keys[i] === keys[j]) pairs++;
  return pairs;
};
const fast4k = best(time(() => duplicateSigners(small)));
const naive4k = best(
  [0, 0].map(() => {
    const t = performance.now();
    naive(small);
    return (performance.now() - t) / 1000;
  }),
);
console.log(
  `  duplicates 5k   key grouping ${ms(fast4k)}, naive pairwise ${ms(naive4k)}: ${(naive4k / fast4k).toFixed(0)}× faster`,
);
