import { useId } from 'react';
import type { VersionSummary } from '../../api/pacts.ts';

/** A choice among the pact's versions, each named by its number, solver and note or figure. */
export function VersionSelect({
  label,
  versions,
  value,
  onChange,
  describe = (v) => `${v.mode}${v.note ? `: ${v.note}` : ''}`,
}: {
  label: string;
  versions: readonly VersionSummary[];
  value: number;
  onChange: (number: number) => void;
  describe?: (version: VersionSummary) => string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number} ({describe(v)})
          </option>
        ))}
      </select>
    </div>
  );
}
