import { useId } from 'react';
import type { OrganizationKind, OrganizationStatus } from '../../api/types.ts';
import { kindLabels, statusLabels } from '../../components/labels.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { type PositionBand, positionBandLabels } from './position-band.ts';

export interface MemberFilterValues {
  q: string;
  kind: OrganizationKind | '';
  status: OrganizationStatus | '';
  position: PositionBand | '';
}

export function MemberFilters({
  values,
  onChange,
}: {
  values: MemberFilterValues;
  onChange: (patch: Partial<MemberFilterValues>) => void;
}) {
  const id = useId();
  return (
    <search>
      <form className="filters" aria-label="Filter members" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>Search</label>
          <input
            id={`${id}-q`}
            type="search"
            value={values.q}
            placeholder="Name or description"
            onChange={(e) => onChange({ q: e.target.value })}
          />
        </div>
        <SelectField
          label="Kind"
          value={values.kind}
          labels={kindLabels}
          anyLabel="Any kind"
          onChange={(kind) => onChange({ kind })}
        />
        <SelectField
          label="Status"
          value={values.status}
          labels={statusLabels}
          anyLabel="Any status"
          onChange={(status) => onChange({ status })}
        />
        <SelectField
          label="Position"
          value={values.position}
          labels={positionBandLabels}
          anyLabel="Any position"
          onChange={(position) => onChange({ position })}
        />
      </form>
    </search>
  );
}
