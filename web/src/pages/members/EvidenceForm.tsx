import { type FormEvent, useState } from 'react';
import { evidenceInputSchema } from '../../../../src/features/registry/registry.schema.ts';
import { useSubmitEvidence } from '../../api/organizations.ts';
import type { StrengthMetric } from '../../api/types.ts';
import { metricLabels } from '../../components/labels.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { maxLengthOf } from '../../forms/limits.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function EvidenceForm({ organizationId }: { organizationId: string }) {
  const submit = useSubmitEvidence(organizationId);
  const [metric, setMetric] = useState<StrengthMetric>('members');
  const [value, setValue] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [source, setSource] = useState('');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(
      { metric, value: Number(value), asOf, source },
      {
        onSuccess: () => {
          setValue('');
          setSource('');
        },
      },
    );
  };

  return (
    <details className="subform">
      <summary>Submit a figure</summary>
      <form onSubmit={handleSubmit} className="grid-form">
        <SelectField
          label="Figure"
          value={metric}
          labels={metricLabels}
          onChange={(value) => value && setMetric(value)}
        />
        <TextField
          label="Value"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          required
          value={value}
          onChange={setValue}
        />
        <TextField label="As of" type="date" required value={asOf} onChange={setAsOf} />
        <TextField
          label="Source"
          required
          maxLength={maxLengthOf(evidenceInputSchema.shape.source)}
          placeholder="e.g. membership register"
          value={source}
          onChange={setSource}
        />
        {submit.isError ? <ErrorMessage error={submit.error} /> : null}
        {submit.isSuccess ? (
          <p role="status" className="ok-text">
            Figure recorded.
          </p>
        ) : null}
        <div>
          <button type="submit" disabled={submit.isPending}>
            {submit.isPending ? 'Submitting…' : 'Submit figure'}
          </button>
        </div>
      </form>
    </details>
  );
}
