import { useFormState } from 'react-hook-form';
import { decisionsContract } from '../../../../src/features/decisions/decisions.contract.ts';
import type { BallotInput } from '../../api/types.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert } from '../../ui/fields.tsx';

// The approval form of the cast-ballot body: `{ approve: [option, …] }`.
const approvalSchema = decisionsContract.castBallot.body.options[3];

interface ApprovalBallotProps {
  options: readonly string[];
  initial: readonly string[];
  pending: boolean;
  submitLabel: string;
  onSubmit: (ballot: BallotInput, onError: (error: unknown) => void) => void;
}

/** Approval voting: tick every option the organization can live with. */
export function ApprovalBallot({ options, initial, pending, submitLabel, onSubmit }: ApprovalBallotProps) {
  const form = useSchemaForm(approvalSchema, { defaultValues: { approve: [...initial] } });
  const { errors } = useFormState({ control: form.control, name: 'approve' });
  const error = errors.approve?.message ?? errors.approve?.find?.((e) => e?.message)?.message;
  const handleSubmit = form.handleSubmit(({ approve }) => {
    // In the ballot's own order, whatever the order of the ticks.
    onSubmit({ approve: options.filter((o) => approve.includes(o)) }, form.onServerError);
  });
  return (
    <form onSubmit={handleSubmit} className="stack-form" noValidate>
      <fieldset
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'approve-error' : undefined}
      >
        <legend>Options you approve of</legend>
        {options.map((option, i) => (
          <div className="field checkbox" key={option}>
            <input type="checkbox" id={`approve-${i}`} value={option} {...form.register('approve')} />
            <label htmlFor={`approve-${i}`}>{option}</label>
          </div>
        ))}
        {error ? (
          <p id="approve-error" className="field-error">
            {error}
          </p>
        ) : null}
      </fieldset>
      <FormAlert form={form} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Casting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
