import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import { useSubmitEvidence } from '../../api/organizations.ts';
import { metricLabels } from '../../components/labels.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, NumberField, SelectField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function EvidenceForm({ organizationId }: { organizationId: string }) {
  const submit = useSubmitEvidence(organizationId);
  const toast = useToast();
  const form = useSchemaForm(registryContract.submitEvidence.body, {
    defaultValues: { metric: 'members', asOf: today(), source: '' },
  });

  const handleSubmit = form.handleSubmit((input) => {
    submit.mutate(input, {
      onSuccess: () => {
        toast('Figure recorded.');
        form.reset({ metric: input.metric, asOf: input.asOf, source: '' });
      },
      onError: form.onServerError,
    });
  });

  return (
    <details className="subform">
      <summary>Submit a figure</summary>
      <form onSubmit={handleSubmit} className="grid-form" noValidate>
        <SelectField form={form} name="metric" label="Figure" labels={metricLabels} />
        <NumberField form={form} name="value" label="Value" />
        <TextField form={form} name="asOf" label="As of" type="date" />
        <TextField form={form} name="source" label="Source" placeholder="e.g. membership register" />
        <FormAlert form={form} />
        <div>
          <button type="submit" disabled={submit.isPending}>
            {submit.isPending ? 'Submitting…' : 'Submit figure'}
          </button>
        </div>
      </form>
    </details>
  );
}
