import { type FormEvent, useState } from 'react';
import type { BallotInput, Split } from '../../api/types.ts';
import { SplitInputs } from './SplitInputs.tsx';

type Choice = 'yes' | 'no' | 'abstain';
const choices: { value: Choice; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'abstain', label: 'Abstain' },
];

interface YesNoBallotProps {
  initialSplit: Split | null;
  pending: boolean;
  submitLabel: string;
  onSubmit: (ballot: BallotInput) => void;
}

/** Yes / no / abstain for the whole weight, or the weight split in percent. */
export function YesNoBallot({ initialSplit, pending, submitLabel, onSubmit }: YesNoBallotProps) {
  const [mode, setMode] = useState<'choice' | 'split'>('choice');
  const [choice, setChoice] = useState<Choice | ''>('');
  const [split, setSplit] = useState<Split>(initialSplit ?? { yes: 500, no: 500, abstain: 0 });
  const splitValid = split.yes + split.no + split.abstain === 1000;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'split') onSubmit({ split });
    else if (choice) onSubmit({ choice });
  };

  return (
    <form onSubmit={handleSubmit} className="stack-form">
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
      {mode === 'choice' ? (
        <fieldset className="choice-group">
          <legend>Choice</legend>
          {choices.map((c) => (
            <div className="field checkbox" key={c.value}>
              <input
                type="radio"
                id={`choice-${c.value}`}
                name="choice"
                value={c.value}
                checked={choice === c.value}
                onChange={() => setChoice(c.value)}
              />
              <label htmlFor={`choice-${c.value}`}>{c.label}</label>
            </div>
          ))}
        </fieldset>
      ) : (
        <SplitInputs split={split} onChange={setSplit} />
      )}
      <div>
        <button type="submit" disabled={pending || (mode === 'choice' ? !choice : !splitValid)}>
          {pending ? 'Casting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
