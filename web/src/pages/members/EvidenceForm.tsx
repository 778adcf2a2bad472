import { type FormEvent, useId, useState } from 'react';
import { useSubmitEvidence } from '../../api/organizations.ts';
import type { StrengthMetric } from '../../api/types.ts';
import { metricLabels } from '../../components/labels.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function EvidenceForm({ organizationId }: { organizationId: string }) {
  const submit = useSubmitEvidence(organizationId);
  const id = useId();
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
        <div className="field">
          <label htmlFor={`${id}-value`}>Value</label>
          <input
            id={`${id}-value`}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-asof`}>As of</label>
          <input
            id={`${id}-asof`}
            type="date"
            required
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>Source</label>
          <input
            id={`${id}-source`}
            required
            maxLength={500}
            value={source}
            placeholder="e.g. membership register"
            onChange={(e) => setSource(e.target.value)}
          />
        </div>
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
