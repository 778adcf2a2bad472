export const organizationStatuses = ['applicant', 'member', 'suspended', 'expelled', 'withdrawn'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

/** How a status may change: only a decision's outcome or a recorded withdrawal moves a member. */
export type TransitionCause = 'admission' | 'suspension' | 'expulsion' | 'reinstatement' | 'withdrawal';

const transitions: Record<TransitionCause, { from: readonly OrganizationStatus[]; to: OrganizationStatus }> =
  {
    admission: { from: ['applicant'], to: 'member' },
    suspension: { from: ['member'], to: 'suspended' },
    expulsion: { from: ['member', 'suspended'], to: 'expelled' },
    reinstatement: { from: ['suspended'], to: 'member' },
    withdrawal: { from: ['applicant', 'member', 'suspended'], to: 'withdrawn' },
  };

export type TransitionCheck =
  | { allowed: true; to: OrganizationStatus }
  | { allowed: false; allowedFrom: readonly OrganizationStatus[] };

export function checkTransition(from: OrganizationStatus, cause: TransitionCause): TransitionCheck {
  const rule = transitions[cause];
  return rule.from.includes(from)
    ? { allowed: true, to: rule.to }
    : { allowed: false, allowedFrom: rule.from };
}

/** Expelled and withdrawn are final: such an organization can do nothing more in the coalition. */
export const isFinal = (status: OrganizationStatus): boolean =>
  status === 'expelled' || status === 'withdrawn';
