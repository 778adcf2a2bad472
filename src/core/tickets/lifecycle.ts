/**
 * A candidate's life: proposed by a member's delegate → endorsed by the coalition → filed →
 * on the ballot or rejected (with a reason) → elected or defeated once results are in. A
 * candidate can be withdrawn (rejected, reason `withdrawn`) at any point before the results.
 */

export const candidateStatuses = [
  'proposed',
  'endorsed',
  'filed',
  'on_ballot',
  'rejected',
  'elected',
  'defeated',
] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];

export const rejectionReasons = ['missed_deadline', 'petition_short', 'withdrawn', 'disqualified'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const candidateActions = ['endorse', 'file', 'certify', 'reject', 'elect', 'defeat'] as const;
export type CandidateAction = (typeof candidateActions)[number];

const transitions: Record<CandidateAction, { from: readonly CandidateStatus[]; to: CandidateStatus }> = {
  endorse: { from: ['proposed'], to: 'endorsed' },
  file: { from: ['endorsed'], to: 'filed' },
  certify: { from: ['filed'], to: 'on_ballot' },
  reject: { from: ['proposed', 'endorsed', 'filed', 'on_ballot'], to: 'rejected' },
  elect: { from: ['on_ballot'], to: 'elected' },
  defeat: { from: ['on_ballot'], to: 'defeated' },
};

export type CandidateTransition =
  | { allowed: true; to: CandidateStatus }
  | { allowed: false; allowedFrom: readonly CandidateStatus[] };

export function checkCandidateTransition(
  from: CandidateStatus,
  action: CandidateAction,
): CandidateTransition {
  const rule = transitions[action];
  return rule.from.includes(from)
    ? { allowed: true, to: rule.to }
    : { allowed: false, allowedFrom: rule.from };
}

/** Only endorsed nominations (and later stages, but never a rejected one) are the coalition's to show. */
export const isEndorsedStage = (status: CandidateStatus): boolean =>
  status === 'endorsed' ||
  status === 'filed' ||
  status === 'on_ballot' ||
  status === 'elected' ||
  status === 'defeated';
