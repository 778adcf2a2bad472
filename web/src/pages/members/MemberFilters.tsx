import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import type { OrganizationKind, OrganizationStatus } from '../../api/types.ts';
import { kindLabels, statusLabels } from '../../components/labels.ts';
import { useFilterForm } from '../../forms/use-filter-form.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { type PositionBand, positionBandLabels } from './position-band.ts';

export interface MemberFilterValues {
  q: string;
  kind: OrganizationKind | '';
  status: OrganizationStatus | '';
  position: PositionBand | '';
}

/** The list endpoint's filters: their options and the search's length. */
const filterSchema = registryContract.organizations.query.pick({
  q: true,
  kind: true,
  status: true,
  position: true,
});

export function MemberFilters({
  values,
  onChange,
}: {
  values: MemberFilterValues;
  onChange: (patch: Partial<MemberFilterValues>) => void;
}) {
  const form = useFilterForm(
    filterSchema,
    {
      q: values.q || undefined,
      kind: values.kind || undefined,
      status: values.status || undefined,
      position: values.position || undefined,
    },
    (patch) => onChange(patch),
  );
  return (
    <search>
      <form className="filters" aria-label="Filter members" onSubmit={(e) => e.preventDefault()}>
        <TextField form={form} name="q" label="Search" type="search" placeholder="Part of the name" />
        <SelectField form={form} name="kind" label="Kind" labels={kindLabels} placeholder="Any kind" />
        <SelectField
          form={form}
          name="status"
          label="Status"
          labels={statusLabels}
          placeholder="Any status"
        />
        <SelectField
          form={form}
          name="position"
          label="Position"
          labels={positionBandLabels}
          placeholder="Any position"
        />
      </form>
    </search>
  );
}
