import { useId } from 'react';
import type { OrganizationKind, OrganizationStatus } from '../../api/types.ts';
import {
  kindLabels,
  organizationKinds,
  organizationStatuses,
  statusLabels,
} from '../../components/labels.ts';
import { type PositionBand, positionBandLabels, positionBands } from './position-band.ts';

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
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={values.kind}
            onChange={(e) => onChange({ kind: e.target.value as MemberFilterValues['kind'] })}
          >
            <option value="">Any kind</option>
            {organizationKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={values.status}
            onChange={(e) => onChange({ status: e.target.value as MemberFilterValues['status'] })}
          >
            <option value="">Any status</option>
            {organizationStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-position`}>Position</label>
          <select
            id={`${id}-position`}
            value={values.position}
            onChange={(e) => onChange({ position: e.target.value as MemberFilterValues['position'] })}
          >
            <option value="">Any position</option>
            {positionBands.map((b) => (
              <option key={b} value={b}>
                {positionBandLabels[b]}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
