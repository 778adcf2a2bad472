import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useOrganizations } from '../../api/organizations.ts';
import { type RequirementView, useCreateDrive } from '../../api/petitions.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { LabelledSelect } from './LabelledSelect.tsx';
import { TicketCandidateSelect } from './TicketCandidateSelect.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function NewDriveForm({ requirements }: { requirements: readonly RequirementView[] }) {
  const session = useSession().data;
  const staff = session ? isStaffRole(session.role) : false;
  const organizations = useOrganizations({ status: 'member' });
  const create = useCreateDrive();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    organizationId: '',
    requirementId: '',
    name: '',
    targetKind: 'member' as 'member' | 'candidate' | 'initiative',
    targetName: '',
    candidateId: '',
    required: '',
    startDay: today(),
    dueDay: '',
  });
  if (!session || session.role === 'viewer') return <p className="muted">Viewers cannot start drives.</p>;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        organizationId: staff ? form.organizationId || undefined : undefined,
        requirementId: form.requirementId,
        name: form.name,
        target:
          form.targetKind === 'member'
            ? { kind: 'member' }
            : form.targetKind === 'candidate' && form.candidateId
              ? { kind: 'candidate', candidateId: form.candidateId }
              : { kind: form.targetKind, name: form.targetName },
        required: form.required ? Number(form.required) : undefined,
        startDay: form.startDay,
        dueDay: form.dueDay,
      },
      { onSuccess: (drive) => navigate(`/petitions/drives/${drive.id}`) },
    );
  };
  return (
    <form onSubmit={handleSubmit} className="stack">
      {staff ? (
        <LabelledSelect label="Member" required value={form.organizationId} onChange={set('organizationId')}>
          <option value="">Choose…</option>
          {(organizations.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </LabelledSelect>
      ) : null}
      <LabelledSelect label="Requirement" required value={form.requirementId} onChange={set('requirementId')}>
        <option value="">Choose…</option>
        {requirements.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title} ({r.signatures === null ? 'no number' : r.signatures.toLocaleString('en-US')})
          </option>
        ))}
      </LabelledSelect>
      <label>
        Drive name
        <input required value={form.name} onChange={set('name')} />
      </label>
      <LabelledSelect label="For" value={form.targetKind} onChange={set('targetKind')}>
        <option value="member">The member itself</option>
        <option value="candidate">A candidate</option>
        <option value="initiative">An initiative</option>
      </LabelledSelect>
      {form.targetKind === 'candidate' ? (
        <TicketCandidateSelect
          organizationId={staff ? form.organizationId : (session.organizationId ?? '')}
          value={form.candidateId}
          onChange={set('candidateId')}
        />
      ) : null}
      {form.targetKind === 'initiative' || (form.targetKind === 'candidate' && !form.candidateId) ? (
        <label>
          {form.targetKind === 'candidate' ? 'Candidate name' : 'Initiative title'}
          <input required value={form.targetName} onChange={set('targetName')} />
        </label>
      ) : null}
      <label>
        Valid signatures required (blank: the requirement's number)
        <input inputMode="numeric" pattern="\d*" value={form.required} onChange={set('required')} />
      </label>
      <label>
        Start
        <input type="date" required value={form.startDay} onChange={set('startDay')} />
      </label>
      <label>
        Petition due
        <input type="date" required value={form.dueDay} onChange={set('dueDay')} />
      </label>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <BusyButton type="submit" busy={create.isPending}>
        Start the drive
      </BusyButton>
    </form>
  );
}
