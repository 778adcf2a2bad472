import type { Split } from '../../api/types.ts';

const options = ['yes', 'no', 'abstain'] as const;

/** Percentages with one decimal, stored as the API's thousandths (70% → 700). */
export function SplitInputs({ split, onChange }: { split: Split; onChange: (split: Split) => void }) {
  const total = split.yes + split.no + split.abstain;
  return (
    <fieldset className="split-inputs">
      <legend>Split of the weight, in percent</legend>
      {options.map((option) => (
        <div className="field" key={option}>
          <label htmlFor={`split-${option}`}>{option.charAt(0).toUpperCase() + option.slice(1)} %</label>
          <input
            id={`split-${option}`}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.1}
            value={split[option] / 10}
            onChange={(e) => onChange({ ...split, [option]: Math.round(Number(e.target.value) * 10) })}
          />
        </div>
      ))}
      <p aria-live="polite" className={total === 1000 ? 'muted' : 'bad-text'}>
        Total {total / 10}%{total === 1000 ? '' : ': the parts must add up to 100%'}
      </p>
    </fieldset>
  );
}
