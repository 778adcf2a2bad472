import { type InputHTMLAttributes, useId } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A multi-line field of this many rows (a textarea). */
  rows?: number;
}

/** A labelled text, number or date field; with `rows`, a labelled textarea. */
export function TextField({ label, value, onChange, rows, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea
          id={id}
          rows={rows}
          required={input.required}
          maxLength={input.maxLength}
          placeholder={input.placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input id={id} {...input} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
