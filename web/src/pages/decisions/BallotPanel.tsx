import { type FormEvent, useState } from 'react';
import { useCastBallot } from '../../api/decisions.ts';
import type { BallotInput, Decision, Split } from '../../api/types.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { SplitInputs } from './SplitInputs.tsx';
import { describeSplit } from './split.ts';

type Choice = 'yes' | 'no' | 'abstain';
const choices: { value: Choice; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'abstain', label: 'Abstain' },
];

/** A delegate casts (or changes, until the close) its organization's ballot. */
export function BallotPanel({ decision, organizationId }: { decision: Decision; organizationId: string }) {
  const cast = useCastBallot(decision.id, organizationId);
  const mine = decision.myBallot;
  const [mode, setMode] = useState<'choice' | 'split'>('choice');
  const [choice, setChoice] = useState<Choice | ''>('');
  const [split, setSplit] = useState<Split>(mine?.split ?? { yes: 500, no: 500, abstain: 0 });
  const splitValid = split.yes + split.no + split.abstain === 1000;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ballot: BallotInput | null = mode === 'split' ? { split } : choice ? { choice } : null;
    if (ballot) cast.mutate(ballot);
  };

  return (
    <section aria-labelledby="ballot-title" className="panel">
      <h2 id="ballot-title">Your organization's ballot</h2>
      {mine ? (
        <p role="status">
          Recorded: <strong>{describeSplit(mine.split)}</strong> (change {mine.revision}). Receipt{' '}
          <code className="receipt">{mine.receipt}</code>: note it to find your ballot in the published list.
        </p>
      ) : (
        <p>Not cast yet. You may change the ballot until the decision closes.</p>
      )}
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
        {cast.isError ? <ErrorMessage error={cast.error} /> : null}
        <div>
          <button type="submit" disabled={cast.isPending || (mode === 'choice' ? !choice : !splitValid)}>
            {cast.isPending ? 'Casting…' : mine ? 'Change the ballot' : 'Cast the ballot'}
          </button>
        </div>
      </form>
    </section>
  );
}
