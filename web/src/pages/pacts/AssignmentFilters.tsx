import type { PactMember } from '../../api/pacts.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type RowFilter, ruleFilters } from './assignment-rows.ts';
import { tierLabels } from './race-odds.ts';

/** Search and filters over the assignment table; the table below says how many races match. */
export function AssignmentFilters({
  filter,
  members,
  onChange,
}: {
  filter: RowFilter;
  members: readonly PactMember[];
  onChange: (patch: Partial<RowFilter>) => void;
}) {
  const memberLabels = Object.fromEntries(members.map((m) => [m.key, m.name]));
  return (
    <form className="filters" aria-label="Filter races" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Race" type="search" value={filter.text} onChange={(text) => onChange({ text })} />
      <SelectField
        label="Member"
        value={filter.member}
        labels={memberLabels}
        anyLabel="Every member"
        onChange={(member) => onChange({ member })}
      />
      <SelectField
        label="Rules and consent"
        value={filter.rule}
        labels={ruleFilters}
        anyLabel="Any race"
        onChange={(rule) => onChange({ rule })}
      />
      <SelectField
        label="Tier"
        value={filter.tier}
        labels={tierLabels}
        anyLabel="Any tier"
        onChange={(tier) => onChange({ tier })}
      />
    </form>
  );
}
