import type { DecisionSummary, OrganizationStatus } from '../api/types.ts';
import { Badge } from './Badge.tsx';
import { outcomeLabels, phaseLabels, statusLabels } from './labels.ts';

const statusTone = {
  applicant: 'warn',
  member: 'ok',
  suspended: 'bad',
  expelled: 'bad',
  withdrawn: 'neutral',
} as const satisfies Record<OrganizationStatus, string>;

export function OrganizationStatusBadge({ status }: { status: OrganizationStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabels[status]}</Badge>;
}

export function DecisionStateBadge({ decision }: { decision: Pick<DecisionSummary, 'phase' | 'outcome'> }) {
  if (decision.outcome) {
    const tone = { passed: 'ok', decided: 'ok', tie: 'warn', rejected: 'bad', no_quorum: 'bad' } as const;
    return <Badge tone={tone[decision.outcome]}>{outcomeLabels[decision.outcome]}</Badge>;
  }
  return <Badge tone={decision.phase === 'open' ? 'warn' : 'neutral'}>{phaseLabels[decision.phase]}</Badge>;
}
