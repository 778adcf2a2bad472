/**
 * Pact compliance: a candidacy is *dissident* when a member files or proposes a candidate in a
 * race that a ratified pact gave to another member, and that member does not nominate the same
 * candidate (a joint nomination with the pact's member is the pact carried out, not broken).
 * Races a pact left open are free for anyone.
 */

export interface PactAssignment {
  pactId: string;
  pactName: string;
  raceKey: string;
  /** The member the ratified version gave the race to; null = left open. */
  organizationId: string | null;
}

export interface Candidacy {
  /** The member who proposed the candidate. */
  organizationId: string;
  /** Every member nominating the candidate (the proposer included). */
  nominators: readonly string[];
}

export interface DissidentFinding {
  pactId: string;
  pactName: string;
  raceKey: string;
  /** The member the pact gave the race to. */
  assignedTo: string;
  /** The member running against the pact. */
  dissident: string;
}

/** The ratified pacts this candidacy breaks (the assignments given are those of the candidate's race). */
export function findDissidence(
  candidacy: Candidacy,
  assignments: readonly PactAssignment[],
): DissidentFinding[] {
  return assignments.flatMap((a) => {
    if (a.organizationId === null) return [];
    if (a.organizationId === candidacy.organizationId) return [];
    if (candidacy.nominators.includes(a.organizationId)) return [];
    return [
      {
        pactId: a.pactId,
        pactName: a.pactName,
        raceKey: a.raceKey,
        assignedTo: a.organizationId,
        dissident: candidacy.organizationId,
      },
    ];
  });
}

/** What a compliance dispute's decision may choose; the options are the decision's ballot. */
export const disputeOptions = [
  'Withdraw the candidacy',
  'Accept as an exception and amend the pact',
  'Sanction under the charter',
] as const;
export type DisputeOption = (typeof disputeOptions)[number];
export const disputeRemedy: Record<DisputeOption, 'withdraw' | 'accept_exception' | 'sanction'> = {
  'Withdraw the candidacy': 'withdraw',
  'Accept as an exception and amend the pact': 'accept_exception',
  'Sanction under the charter': 'sanction',
};
