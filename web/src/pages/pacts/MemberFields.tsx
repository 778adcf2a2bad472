import { useId } from 'react';
import type { MemberDraft } from './pact-form.ts';

/**
 * The coalition's members, each included or not, with the party codes of the results whose votes
 * count as its own (`DEM`, `GRN`, a French nuance such as `ECO`) and an optional weight override.
 */
export function MemberFields({
  members,
  onChange,
}: {
  members: readonly MemberDraft[];
  onChange: (organizationId: string, patch: Partial<MemberDraft>) => void;
}) {
  const id = useId();
  return (
    <fieldset className="member-fields">
      <legend>Members and their party codes</legend>
      <p className="muted">
        Every party code not given to a member counts as an opponent. Without a weight, a member weighs its
        verified strength figure.
      </p>
      {members.map((m, i) => (
        <div key={m.organizationId} className="member-row">
          <div className="field checkbox">
            <input
              id={`${id}-${i}-in`}
              type="checkbox"
              checked={m.included}
              onChange={(e) => onChange(m.organizationId, { included: e.target.checked })}
            />
            <label htmlFor={`${id}-${i}-in`}>{m.name}</label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-parties`}>Party codes of {m.name}</label>
            <input
              id={`${id}-${i}-parties`}
              value={m.parties}
              disabled={!m.included}
              placeholder="e.g. DEM, GRN"
              onChange={(e) => onChange(m.organizationId, { parties: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-weight`}>Weight of {m.name} (optional)</label>
            <input
              id={`${id}-${i}-weight`}
              type="number"
              min={0}
              step="any"
              value={m.weight}
              disabled={!m.included}
              onChange={(e) => onChange(m.organizationId, { weight: e.target.value })}
            />
          </div>
        </div>
      ))}
    </fieldset>
  );
}
