import { useId } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  /** Every option and its label, in display order. */
  labels: Record<T, string>;
  onChange: (value: T | '') => void;
  /** Text of an empty first option ("Any kind"); without it a value is required. */
  anyLabel?: string;
}

/** A labelled select over one of the API's enums. */
export function SelectField<T extends string>({
  label,
  value,
  labels,
  onChange,
  anyLabel,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={anyLabel === undefined}
        onChange={(e) => onChange(e.target.value as T | '')}
      >
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {(Object.keys(labels) as T[]).map((key) => (
          <option key={key} value={key}>
            {labels[key]}
          </option>
        ))}
      </select>
    </div>
  );
}
