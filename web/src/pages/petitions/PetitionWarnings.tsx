import { useDeadlineWarnings } from '../../api/petitions.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { DeadlineWarnings } from './DeadlineCalendar.tsx';

/** Dashboard panel: petition deadlines at 30, 14 and 7 days. */
export function PetitionWarnings() {
  const warnings = useDeadlineWarnings();
  if (warnings.isPending) return <Loading label="Loading petition deadlines" />;
  if (warnings.isError) return <ErrorMessage error={warnings.error} />;
  return <DeadlineWarnings deadlines={warnings.data.deadlines} />;
}
