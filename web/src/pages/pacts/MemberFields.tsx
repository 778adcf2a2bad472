import { useId, useRef } from 'react';
import { get, useFieldArray, useFormState } from 'react-hook-form';
import { TableScroll } from '../../components/TableScroll.tsx';
import { NumberField, TextField } from '../../ui/fields.tsx';
import { insertionIndex, type MemberValues, type NewPactForm, partyCodes } from './pact-form.ts';

/** An error's message, if it has one (react-hook-form's errors are loosely typed by path). */
function messageOf(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * The coalition's members, each included or not, with the party codes of the results whose votes
 * count as its own (`DEM`, `GRN`, a French nuance such as `ECO`) and an optional weight override.
 * A table: the column headers show what each field is, each field is named for its member.
 * Checking a member adds it to the body's `members` (in the table's order), so its fields are
 * `members.<index>.…` as the server names them in a refusal.
 */
export function MemberFields({
  form,
  organizations,
}: {
  form: NewPactForm;
  organizations: readonly { id: string; name: string }[];
}) {
  const id = useId();
  const { fields, insert, remove } = useFieldArray({ control: form.control, name: 'members' });
  const { errors } = useFormState({ control: form.control, name: 'members' });
  // What an unchecked member had typed, back when it is checked again.
  const stash = useRef(new Map<string, MemberValues>());
  const included = fields.map((field) => field.organizationId);
  const tableOrder = organizations.map((org) => org.id);
  const listError = messageOf(get(errors, 'members')) ?? messageOf(get(errors, 'members.root'));

  const toggle = (organizationId: string, on: boolean) => {
    const index = included.indexOf(organizationId);
    if (on && index < 0) {
      insert(
        insertionIndex(tableOrder, included, organizationId),
        stash.current.get(organizationId) ?? { organizationId, parties: [] },
        { shouldFocus: false },
      );
    } else if (!on && index >= 0) {
      stash.current.set(organizationId, form.getValues(`members.${index}`));
      remove(index);
    }
  };

  return (
    <fieldset
      className="member-fields"
      aria-invalid={listError ? true : undefined}
      aria-describedby={listError ? `${id}-error` : undefined}
    >
      <legend>Members and their party codes</legend>
      <p className="muted" id={`${id}-help`}>
        Every party code not given to a member counts as an opponent. Without a weight, a member weighs its
        verified strength figure.
      </p>
      {listError ? (
        <p id={`${id}-error`} className="field-error">
          {listError}
        </p>
      ) : null}
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
            {organizations.map((org, row) => {
              const index = included.indexOf(org.id);
              // A refusal about the member itself (not a member any more, listed twice).
              const error = index < 0 ? undefined : messageOf(get(errors, `members.${index}.organizationId`));
              return (
                <tr key={org.id}>
                  <th scope="row">
                    <span className="field checkbox">
                      <input
                        id={`${id}-${row}`}
                        type="checkbox"
                        checked={index >= 0}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-${row}-error` : undefined}
                        onChange={(e) => toggle(org.id, e.target.checked)}
                      />
                      <label htmlFor={`${id}-${row}`}>{org.name}</label>
                    </span>
                    {error ? (
                      <p id={`${id}-${row}-error`} className="field-error">
                        {error}
                      </p>
                    ) : null}
                  </th>
                  {index < 0 ? (
                    <>
                      <td>
                        <input
                          aria-label={`Party codes of ${org.name}`}
                          disabled
                          placeholder="e.g. DEM, GRN"
                        />
                      </td>
                      <td>
                        <input aria-label={`Weight of ${org.name}`} type="number" disabled />
                      </td>
                    </>
                  ) : (
                    // Keyed by index: a member checked or unchecked above moves this row's fields.
                    <MemberInputs key={index} form={form} index={index} name={org.name} />
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </fieldset>
  );
}

function MemberInputs({ form, index, name }: { form: NewPactForm; index: number; name: string }) {
  return (
    <>
      <td>
        <TextField
          form={form}
          name={`members.${index}.parties`}
          label={`Party codes of ${name}`}
          labelHidden
          placeholder="e.g. DEM, GRN"
          parse={partyCodes}
        />
      </td>
      <td>
        <NumberField
          form={form}
          name={`members.${index}.weight`}
          label={`Weight of ${name}`}
          labelHidden
          step="any"
        />
      </td>
    </>
  );
}
