import { useState } from 'react';
import { useController, useFormState } from 'react-hook-form';
import { decisionsContract } from '../../../../src/features/decisions/decisions.contract.ts';
import type { BallotInput, Split } from '../../api/types.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, RadioField } from '../../ui/fields.tsx';
import { SplitInputs } from './SplitInputs.tsx';

// The two yes/no forms of the cast-ballot body: `{ choice }` and `{ split }` in thousandths.
const [choiceSchema, splitSchema] = decisionsContract.castBallot.body.options;
const choiceLabels = { yes: 'Yes', no: 'No', abstain: 'Abstain' } as const;

interface YesNoBallotProps {
  initialSplit: Split | null;
  pending: boolean;
  submitLabel: string;
  onSubmit: (ballot: BallotInput, onError: (error: unknown) => void) => void;
}

type FormProps = Omit<YesNoBallotProps, 'initialSplit'>;

/** Yes / no / abstain for the whole weight, or the weight split in percent. */
export function YesNoBallot({ initialSplit, ...props }: YesNoBallotProps) {
  const [mode, setMode] = useState<'choice' | 'split'>('choice');
  return (
    <div className="stack-form">
      <fieldset>
        <legend>How to vote</legend>
        <div className="field checkbox">
          <input
            type="radio"
            id="mode-choice"
            name="mode"
            checked={mode === 'choice'}
            onChange={() => setMode('choice')}
          />
          <label htmlFor="mode-choice">One choice for the whole weight</label>
        </div>
        <div className="field checkbox">
          <input
            type="radio"
            id="mode-split"
            name="mode"
            checked={mode === 'split'}
            onChange={() => setMode('split')}
          />
          <label htmlFor="mode-split">Split the weight (e.g. 70% yes, 30% no)</label>
        </div>
      </fieldset>
      {mode === 'choice' ? <ChoiceForm {...props} /> : <SplitForm initialSplit={initialSplit} {...props} />}
    </div>
  );
}

function ChoiceForm({ pending, submitLabel, onSubmit }: FormProps) {
  const form = useSchemaForm(choiceSchema);
  const handleSubmit = form.handleSubmit((ballot) => onSubmit(ballot, form.onServerError));
  return (
    <form onSubmit={handleSubmit} className="stack-form" noValidate>
      <RadioField form={form} name="choice" label="Choice" labels={choiceLabels} />
      <FormAlert form={form} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Casting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

function SplitForm({
  initialSplit,
  pending,
  submitLabel,
  onSubmit,
}: FormProps & { initialSplit: Split | null }) {
  const form = useSchemaForm(splitSchema, {
    defaultValues: { split: initialSplit ?? { yes: 500, no: 500, abstain: 0 } },
  });
  const { field } = useController({ control: form.control, name: 'split' });
  const { errors } = useFormState({ control: form.control, name: 'split' });
  const split = { yes: 0, no: 0, abstain: 0, ...field.value };
  const handleSubmit = form.handleSubmit((ballot) => onSubmit(ballot, form.onServerError));
  return (
    <form onSubmit={handleSubmit} className="stack-form" noValidate>
      <SplitInputs split={split} onChange={field.onChange} />
      {errors.split?.message ? <p className="field-error">{errors.split.message}</p> : null}
      <FormAlert form={form} />
      <div>
        <button type="submit" disabled={pending || split.yes + split.no + split.abstain !== 1000}>
          {pending ? 'Casting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
