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
    const tone = decision.outcome === 'passed' ? 'ok' : 'bad';
    return <Badge tone={tone}>{outcomeLabels[decision.outcome]}</Badge>;
  }
  return <Badge tone={decision.phase === 'open' ? 'warn' : 'neutral'}>{phaseLabels[decision.phase]}</Badge>;
}
