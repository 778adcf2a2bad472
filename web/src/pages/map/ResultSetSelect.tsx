import { useId } from 'react';
import type { SetGroup } from './result-set-options.ts';

/** The result set the map is coloured with, grouped by the level it is reported at. */
export function ResultSetSelect({
  groups,
  value,
  onChange,
}: {
  groups: readonly SetGroup[];
  value: string;
  onChange: (slug: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Result set</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.sets.map((set) => (
              <option key={set.slug} value={set.slug}>
                {set.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
