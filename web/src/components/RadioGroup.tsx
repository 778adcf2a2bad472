import { useId } from 'react';

/** A fieldset of radio buttons over a fixed set of choices, each labelled, in display order. */
export function RadioGroup<T extends string>({
  legend,
  value,
  labels,
  onChange,
}: {
  legend: string;
  value: T;
  labels: Record<T, string>;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {(Object.keys(labels) as T[]).map((choice) => (
        <div className="field checkbox" key={choice}>
          <input
            id={`${id}-${choice}`}
            type="radio"
            name={id}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          <label htmlFor={`${id}-${choice}`}>{labels[choice]}</label>
        </div>
      ))}
    </fieldset>
  );
}
