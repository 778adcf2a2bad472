import { useId } from 'react';

export interface Option {
  value: string;
  label: string;
}

/**
 * A labelled select over options loaded at run time (SelectField is for the API's fixed enums).
 * The empty first option names what to choose; `disabled` while the options load.
 */
export function OptionsField({
  label,
  value,
  options,
  placeholder,
  onChange,
  disabled = false,
}: {
  label: string;
  value: string;
  options: readonly Option[];
  placeholder: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
