import type { UsPartyGroup } from '../kinds.ts';
import type { JurisdictionKey } from './bundle.ts';
import type { BundleBuilder } from './bundle-builder.ts';
import { classifyCandidateName } from './us-parties.ts';

/** One row of a MEDSL file: one candidate's votes on one ballot line. */
export interface LineVote {
  row: number;
  candidate: string;
  line: string;
  lineParty: UsPartyGroup;
  votes: number;
}

/**
 * A candidate's party is the major party whose line they are on (the larger, if both), otherwise
 * the party of their biggest line. A fusion candidate's votes on every line count for that party,
 * because that is the candidate's strength; the per-line rows keep what each minor line gave.
 */
export function candidateParties(lines: readonly LineVote[]): Map<string, UsPartyGroup> {
  const byCandidate = new Map<string, LineVote[]>();
  for (const line of lines) {
    if (!line.candidate) continue;
    byCandidate.set(line.candidate, [...(byCandidate.get(line.candidate) ?? []), line]);
  }
  const parties = new Map<string, UsPartyGroup>();
  for (const [candidate, own] of byCandidate) {
    const major = own.filter((l) => l.lineParty === 'DEM' || l.lineParty === 'REP');
    const pool = major.length > 0 ? major : own;
    const biggest = pool.reduce((best, l) => (l.votes > best.votes ? l : best));
    parties.set(candidate, biggest.lineParty);
  }
  return parties;
}

/**
 * Writes one unit's candidate lines into the bundle and returns its valid total and the votes
 * that were not votes (over/under votes, blanks, void ballots). Fusion candidates get a note
 * with their per-line votes.
 */
export function addUnitLines(
  b: BundleBuilder,
  unit: { set: string; jurisdiction: JurisdictionKey; subject: string },
  lines: readonly LineVote[],
): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const counted: LineVote[] = [];
  for (const line of lines) {
    const kind = classifyCandidateName(line.candidate);
    if (kind === 'not_votes') {
      invalid += line.votes;
      b.issue({
        code: 'votes.not_a_candidate',
        resolution: 'excluded',
        subject: `${unit.subject} ${line.candidate}`,
        row: line.row,
        message: `"${line.candidate}" (${line.votes}) is not a vote for a candidate: kept out of the valid total`,
      });
      continue;
    }
    if (kind === 'mixed_blank') {
      b.issue({
        code: 'votes.mixed_blank_and_scattering',
        resolution: 'noted',
        subject: `${unit.subject} ${line.candidate}`,
        row: line.row,
        message: `"${line.candidate}" (${line.votes}) mixes blank ballots with write-ins: counted as others`,
      });
    }
    counted.push(line);
  }
  const parties = candidateParties(counted);
  const linesByCandidate = new Map<string, LineVote[]>();
  for (const line of counted) {
    valid += line.votes;
    b.vote(
      {
        set: unit.set,
        jurisdiction: unit.jurisdiction,
        candidate: line.candidate,
        line: line.line,
        party: parties.get(line.candidate) ?? line.lineParty,
        votes: line.votes,
        outcome: null,
      },
      line.row,
    );
    if (line.candidate) {
      linesByCandidate.set(line.candidate, [...(linesByCandidate.get(line.candidate) ?? []), line]);
    }
  }
  for (const [candidate, own] of linesByCandidate) {
    const distinct = new Set(own.map((l) => l.line));
    if (distinct.size < 2) continue;
    const total = own.reduce((sum, l) => sum + l.votes, 0);
    b.issue({
      code: 'fusion.candidate_lines',
      resolution: 'noted',
      subject: `${unit.subject} ${candidate}`,
      row: own[0]?.row ?? null,
      message: `${candidate} ran on ${distinct.size} lines: ${total} votes in all (${own
        .map((l) => `${l.line || '(no line)'} ${l.votes}`)
        .join(', ')}), counted for ${parties.get(candidate)}`,
    });
  }
  return { valid, invalid };
}
