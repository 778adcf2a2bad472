/**
 * Seeded synthetic ballot files for the tabulation benchmark. Candidates have uneven popularity
 * (weights 1/(i+1)^0.8 in a seeded shuffle), each ballot ranks a Plackett–Luce sample of 1..maxRanks
 * of them, and a few ballots carry what real files carry: a skipped rank (1%), an overvote (0.5%),
 * a repeated candidate (0.5%). Same seed, same file, byte for byte.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../../src/core/mulberry32.ts';

export interface BallotFileSpec {
  ballots: number;
  candidates: number;
  maxRanks: number;
  seed: number;
}

export const candidateName = (index: number) => `C${String(index + 1).padStart(2, '0')}`;

/** The ballots as rank lists of candidate indices (no blanks or overvotes), for in-memory use. */
export function* syntheticRankings(spec: BallotFileSpec): Generator<number[]> {
  const random = seededRandom(spec.seed);
  const popularity = Array.from({ length: spec.candidates }, (_, i) => 1 / (i + 1) ** 0.8);
  for (let i = popularity.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [popularity[i], popularity[j]] = [popularity[j] as number, popularity[i] as number];
  }
  for (let ballot = 0; ballot < spec.ballots; ballot++) {
    const length = 1 + Math.floor(random() * Math.min(spec.maxRanks, spec.candidates));
    const left = popularity.slice();
    let total = left.reduce((sum, w) => sum + w, 0);
    const ranks: number[] = [];
    while (ranks.length < length) {
      let draw = random() * total - (left[0] as number);
      let pick = 0;
      while (pick < left.length - 1 && draw > 0) {
        pick += 1;
        draw -= left[pick] as number;
      }
      total -= left[pick] as number;
      left[pick] = 0;
      ranks.push(pick);
    }
    yield ranks;
  }
}

/** Writes the CSV (`rank1..rankN`, no weight column) and resolves when it is on disk. */
export async function writeBallotCsv(path: string, spec: BallotFileSpec): Promise<void> {
  const out = createWriteStream(path);
  const random = seededRandom(spec.seed ^ 0x5bd1e995);
  const columns = Math.min(spec.maxRanks, spec.candidates);
  const header = Array.from({ length: columns }, (_, i) => `rank${i + 1}`).join(',');
  let buffer = `${header}\n`;
  for (const ranks of syntheticRankings(spec)) {
    const cells = ranks.map(candidateName);
    const noise = random();
    if (noise < 0.01 && cells.length > 1) cells.splice(1, 0, '');
    else if (noise < 0.015 && cells.length > 1) cells.splice(0, 2, `${cells[0]}=${cells[1]}`);
    else if (noise < 0.02 && cells.length > 1) cells.push(cells[0] as string);
    while (cells.length < columns) cells.push('');
    buffer += `${cells.slice(0, columns).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
