import { useAllCandidates } from '../../api/tickets.ts';
import { LabelledSelect } from './LabelledSelect.tsx';

/** The member's candidates from the tickets feature; "by name" keeps a candidate the ticket does not list. */
export function TicketCandidateSelect({
  organizationId,
  value,
  onChange,
}: {
  organizationId: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const candidates = useAllCandidates(organizationId ? { organizationId } : {});
  const own = (candidates.data ?? []).filter((c) => !organizationId || c.organizationId === organizationId);
  return (
    <LabelledSelect label="Candidate (from the ticket)" value={value} onChange={onChange}>
      <option value="">Another candidate, by name</option>
      {own.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} — {c.race.name}
        </option>
      ))}
    </LabelledSelect>
  );
}
