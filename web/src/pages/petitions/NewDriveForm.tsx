import { useController } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { petitionsContract } from '../../../../src/features/petitions/petitions.contract.ts';
import { useOrganizations } from '../../api/organizations.ts';
import { type RequirementView, useCreateDrive } from '../../api/petitions.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { isStaffRole } from '../../components/roles.ts';
import { type SchemaForm, useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, NumberField, SelectField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { TicketCandidateSelect } from './TicketCandidateSelect.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const targetLabels = {
  member: 'The member itself',
  candidate: 'A candidate',
  initiative: 'An initiative',
} as const;

export function NewDriveForm({ requirements }: { requirements: readonly RequirementView[] }) {
  const session = useSession().data;
  const staff = session ? isStaffRole(session.role) : false;
  const organizations = useOrganizations({ status: 'member' });
  const create = useCreateDrive();
  const navigate = useNavigate();
  const toast = useToast();
  // The target's name leaves the body when "the member itself" hides it (shouldUnregister).
  const form = useSchemaForm(petitionsContract.createDrive.body, {
    defaultValues: { requirementId: '', name: '', target: { kind: 'member' }, startDay: today(), dueDay: '' },
    shouldUnregister: true,
  });
  const targetKind = form.watch('target.kind');
  const organizationId = form.watch('organizationId');
  if (!session || session.role === 'viewer') return <p className="muted">Viewers cannot start drives.</p>;
  const handleSubmit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: (drive) => {
        toast(`Drive "${drive.name}" started.`);
        navigate(`/petitions/drives/${drive.id}`);
      },
      onError: form.onServerError,
    });
  });
  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      {staff ? (
        <SelectField
          form={form}
          name="organizationId"
          label="Member"
          placeholder="Choose…"
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <SelectField
        form={form}
        name="requirementId"
        label="Requirement"
        placeholder="Choose…"
        options={requirements.map((r) => ({
          value: r.id,
          label: `${r.title} (${r.signatures === null ? 'no number' : r.signatures.toLocaleString('en-US')})`,
        }))}
      />
      <TextField form={form} name="name" label="Drive name" />
      <SelectField form={form} name="target.kind" label="For" labels={targetLabels} />
      {targetKind === 'candidate' ? (
        <CandidateFromTicket
          form={form}
          organizationId={staff ? (organizationId ?? '') : (session.organizationId ?? '')}
        />
      ) : null}
      {targetKind === 'initiative' || (targetKind === 'candidate' && !form.watch('target.candidateId')) ? (
        <TextField
          form={form}
          name="target.name"
          label={targetKind === 'candidate' ? 'Candidate name' : 'Initiative title'}
        />
      ) : null}
      <NumberField
        form={form}
        name="required"
        label="Valid signatures required (blank: the requirement's number)"
      />
      <TextField form={form} name="startDay" label="Start" type="date" />
      <TextField form={form} name="dueDay" label="Petition due" type="date" />
      <FormAlert form={form} />
      <BusyButton type="submit" busy={create.isPending}>
        Start the drive
      </BusyButton>
    </form>
  );
}

type DriveBody = typeof petitionsContract.createDrive.body;
type DriveForm = SchemaForm<z.input<DriveBody>, z.output<DriveBody>>;

/** The member's candidate from the tickets feature; none chosen means "by name" below. */
function CandidateFromTicket({ form, organizationId }: { form: DriveForm; organizationId: string }) {
  const { field } = useController({ control: form.control, name: 'target.candidateId' });
  return (
    <TicketCandidateSelect
      organizationId={organizationId}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(e) => field.onChange(e.target.value || undefined)}
    />
  );
}
