import { z } from 'zod';
import type { PactMember } from '../../api/pacts.ts';
import { orEmpty, useFilterForm } from '../../forms/use-filter-form.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { type RowFilter, type RuleFilter, ruleFilters } from './assignment-rows.ts';
import { type TierName, tierLabels } from './race-odds.ts';

/**
 * The filters of rows already loaded (no request carries them), so their schema is the page's
 * own: the rule and tier options are its enums.
 */
const filterSchema = z.object({
  text: z.string().optional(),
  member: z.string().optional(),
  rule: z.enum(Object.keys(ruleFilters) as [RuleFilter, ...RuleFilter[]]).optional(),
  tier: z.enum(Object.keys(tierLabels) as [TierName, ...TierName[]]).optional(),
});

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
  const form = useFilterForm(
    filterSchema,
    {
      text: filter.text || undefined,
      member: filter.member || undefined,
      rule: filter.rule || undefined,
      tier: filter.tier || undefined,
    },
    (patch) => onChange(orEmpty(patch)),
  );
  return (
    <form className="filters" aria-label="Filter races" onSubmit={(e) => e.preventDefault()}>
      <TextField form={form} name="text" label="Race" type="search" />
      <SelectField
        form={form}
        name="member"
        label="Member"
        options={members.map((m) => ({ value: m.key, label: m.name }))}
        placeholder="Every member"
      />
      <SelectField
        form={form}
        name="rule"
        label="Rules and consent"
        labels={ruleFilters}
        placeholder="Any race"
      />
      <SelectField form={form} name="tier" label="Tier" labels={tierLabels} placeholder="Any tier" />
    </form>
  );
}
