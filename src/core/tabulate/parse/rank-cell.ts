import type { BallotStoreBuilder } from '../ballot-store.ts';
import type { CandidateRegistry } from '../candidate-registry.ts';

export interface CellProblem {
  code: 'ballot.unknown_candidate' | 'ballot.malformed_overvote';
  reason: string;
}

const EQUALS = 61;

export const isBlankChar = (code: number): boolean => code === 32 || code === 9;

/** text[start, end) without surrounding spaces and tabs, as [from, to). */
export function trimmedRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && isBlankChar(text.charCodeAt(from))) from++;
  while (to > from && isBlankChar(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

/**
 * Appends one rank cell to the ballot being built: blank, one candidate, or an overvote `A=B`
 * (surrounding spaces ignored; a candidate repeated inside one cell counts once).
 */
export function pushRankCell(
  text: string,
  start: number,
  end: number,
  registry: CandidateRegistry,
  builder: BallotStoreBuilder,
): CellProblem | null {
  const [from, to] = trimmedRange(text, start, end);
  if (from === to) {
    builder.pushBlank();
    return null;
  }
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === EQUALS) return pushOvervote(text, from, to, registry, builder);
  }
  const candidate = registry.intern(text, from, to);
  if (candidate < 0) return unknownCandidate(text.slice(from, to));
  builder.pushCandidate(candidate);
  return null;
}

function pushOvervote(
  text: string,
  start: number,
  end: number,
  registry: CandidateRegistry,
  builder: BallotStoreBuilder,
): CellProblem | null {
  const members: number[] = [];
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== EQUALS) continue;
    const [from, to] = trimmedRange(text, partStart, i);
    if (from === to) {
      return {
        code: 'ballot.malformed_overvote',
        reason: `malformed overvote ${JSON.stringify(text.slice(start, end))}: every "=" must separate two names`,
      };
    }
    const candidate = registry.intern(text, from, to);
    if (candidate < 0) return unknownCandidate(text.slice(from, to));
    if (!members.includes(candidate)) members.push(candidate);
    partStart = i + 1;
  }
  if (members.length === 1) builder.pushCandidate(members[0] as number);
  else builder.pushOvervote(members);
  return null;
}

function unknownCandidate(name: string): CellProblem {
  return { code: 'ballot.unknown_candidate', reason: `unknown candidate ${JSON.stringify(name)}` };
}
