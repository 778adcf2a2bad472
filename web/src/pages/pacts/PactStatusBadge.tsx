import type { PactStatus } from '../../api/pacts.ts';
import { Badge } from '../../components/Badge.tsx';
import { pactStatusLabels, pactStatusTone } from './labels.ts';

export function PactStatusBadge({ status }: { status: PactStatus }) {
  return <Badge tone={pactStatusTone[status]}>{pactStatusLabels[status]}</Badge>;
}
