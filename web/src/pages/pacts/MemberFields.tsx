import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { MemberDraft } from './pact-form.ts';

/**
 * The coalition's members, each included or not, with the party codes of the results whose votes
 * count as its own (`DEM`, `GRN`, a French nuance such as `ECO`) and an optional weight override.
 * A table: the column headers show what each field is, each field is named for its member.
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
      <p className="muted" id={`${id}-help`}>
        Every party code not given to a member counts as an opponent. Without a weight, a member weighs its
        verified strength figure.
      </p>
      <TableScroll label="Members of the pact">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Party codes</th>
              <th scope="col">Weight (optional)</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={m.organizationId}>
                <th scope="row">
                  <span className="field checkbox">
                    <input
                      id={`${id}-${i}`}
                      type="checkbox"
                      checked={m.included}
                      onChange={(e) => onChange(m.organizationId, { included: e.target.checked })}
                    />
                    <label htmlFor={`${id}-${i}`}>{m.name}</label>
                  </span>
                </th>
                <td>
                  <input
                    aria-label={`Party codes of ${m.name}`}
                    aria-describedby={`${id}-help`}
                    value={m.parties}
                    disabled={!m.included}
                    placeholder="e.g. DEM, GRN"
                    onChange={(e) => onChange(m.organizationId, { parties: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Weight of ${m.name}`}
                    type="number"
                    min={0}
                    step="any"
                    value={m.weight}
                    disabled={!m.included}
                    onChange={(e) => onChange(m.organizationId, { weight: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </fieldset>
  );
}
