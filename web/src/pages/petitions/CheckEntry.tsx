import { petitionsContract } from '../../../../src/features/petitions/petitions.contract.ts';
import { useAddCheck } from '../../api/petitions.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, NumberField, SelectField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

/** One check as the contract's batch body takes it. */
const checkSchema = petitionsContract.addChecks.body.shape.checks.element;

const reasons = [
  ['notRegistered', 'Not registered'],
  ['wrongJurisdiction', 'Wrong jurisdiction'],
  ['duplicate', 'Duplicate'],
  ['illegible', 'Illegible'],
  ['addressMismatch', 'Address mismatch'],
] as const;

/** A sample check of a packet: lines checked, valid, and why the others were rejected. */
export function CheckEntry({
  driveId,
  defaultDay,
  packets,
}: {
  driveId: string;
  defaultDay: string;
  packets: string[];
}) {
  const add = useAddCheck(driveId);
  const toast = useToast();
  const form = useSchemaForm(checkSchema, {
    defaultValues: { packetLabel: '', checkedOn: defaultDay },
    serverPath: 'checks.0',
  });
  const handleSubmit = form.handleSubmit((check) => {
    add.mutate(check, {
      onSuccess: () => {
        toast(`Check of ${check.packetLabel} saved: ${check.linesValid} valid of ${check.linesChecked}.`);
        // The day stays; the packet and every count start again.
        for (const field of [
          'packetLabel',
          'linesChecked',
          'linesValid',
          ...reasons.map(([key]) => key),
        ] as const) {
          form.resetField(field);
        }
        form.setFocus('packetLabel');
      },
      onError: form.onServerError,
    });
  });
  return (
    <form onSubmit={handleSubmit} className="entry-row" aria-label="Enter a validity check" noValidate>
      <SelectField
        form={form}
        name="packetLabel"
        label="Packet"
        placeholder="Choose…"
        options={packets.map((p) => ({ value: p, label: p }))}
      />
      <TextField form={form} name="checkedOn" label="Checked on" type="date" />
      <NumberField form={form} name="linesChecked" label="Lines checked" />
      <NumberField form={form} name="linesValid" label="Lines valid" />
      {reasons.map(([key, label]) => (
        <NumberField key={key} form={form} name={key} label={label} />
      ))}
      <BusyButton type="submit" busy={add.isPending}>
        Save check
      </BusyButton>
      <FormAlert form={form} />
    </form>
  );
}
