import { type FormEvent, useState } from 'react';

interface ApprovalBallotProps {
  options: readonly string[];
  initial: readonly string[];
  pending: boolean;
  submitLabel: string;
  onSubmit: (approved: string[]) => void;
}

/** Approval voting: tick every option the organization can live with. */
export function ApprovalBallot({ options, initial, pending, submitLabel, onSubmit }: ApprovalBallotProps) {
  const [approved, setApproved] = useState<string[]>([...initial]);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(options.filter((o) => approved.includes(o)));
  };
  return (
    <form onSubmit={handleSubmit} className="stack-form">
      <fieldset>
        <legend>Options you approve of</legend>
        {options.map((option, i) => (
          <div className="field checkbox" key={option}>
            <input
              type="checkbox"
              id={`approve-${i}`}
              checked={approved.includes(option)}
              onChange={(e) =>
                setApproved(e.target.checked ? [...approved, option] : approved.filter((a) => a !== option))
              }
            />
            <label htmlFor={`approve-${i}`}>{option}</label>
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Casting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
