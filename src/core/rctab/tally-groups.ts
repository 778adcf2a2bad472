import type { JavaDecimal } from './java-decimal.ts';
import type { RoundTally } from './round-tally.ts';

export interface TallyGroup {
  votes: JavaDecimal;
  candidates: string[];
}

/** RCTab's SortedMap<BigDecimal, LinkedList<String>>: candidates grouped by equal tally. */
export class TallyGroups {
  constructor(private readonly groups: TallyGroup[]) {}

  ascending(): readonly TallyGroup[] {
    return this.groups;
  }

  first(): TallyGroup {
    return this.groups[0] as TallyGroup;
  }

  last(): TallyGroup {
    return this.groups.at(-1) as TallyGroup;
  }
}

export function tallyToCandidates(tally: RoundTally, candidates: Iterable<string>): TallyGroups {
  const groups = new Map<string, TallyGroup>();
  for (const candidate of candidates) {
    const votes = tally.tallyOf(candidate);
    const key = votes.numericKey();
    const group = groups.get(key);
    if (group) group.candidates.push(candidate);
    else groups.set(key, { votes, candidates: [candidate] });
  }
  return new TallyGroups([...groups.values()].sort((a, b) => a.votes.compareTo(b.votes)));
}
