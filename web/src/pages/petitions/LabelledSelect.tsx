import { type ReactNode, type Ref, useId } from 'react';

/**
 * A select whose label names only itself: a wrapping <label> would fold every option's text into
 * the label, so screen readers and tests would read "Member Choose… Harbor Greens …".
 */
export function LabelledSelect({
  label,
  value,
  onChange,
  required,
  selectRef,
  children,
}: {
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  required?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <span className="labelled-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} ref={selectRef} required={required} value={value} onChange={onChange}>
        {children}
      </select>
    </span>
  );
}
