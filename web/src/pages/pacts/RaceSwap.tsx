import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import { type PactView, useSwapRaces } from '../../api/pacts.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, SelectField } from '../../ui/fields.tsx';
import type { AssignmentRow } from './assignment-rows.ts';

/**
 * Swap this race's member with another race's (staff): both races get locked that way and a new
 * version is stored with its figures checked from scratch. Only races of another member qualify.
 */
export function RaceSwap({
  pact,
  row,
  rows,
}: {
  pact: PactView;
  row: AssignmentRow;
  rows: readonly AssignmentRow[];
}) {
  const swap = useSwapRaces(pact.id);
  const partners = rows.filter(
    (r) => r.member && row.member && r.member.organizationId !== row.member.organizationId,
  );
  if (!row.member || partners.length === 0) return null;
  // Keyed by the partners offered: a swap changes them, and the form starts again on a valid one.
  return (
    <SwapForm
      key={`${row.key}-${partners.map((r) => r.key).join()}`}
      pact={pact}
      row={row}
      partners={partners}
      swap={swap}
    />
  );
}

function SwapForm({
  pact,
  row,
  partners,
  swap,
}: {
  pact: PactView;
  row: AssignmentRow;
  partners: readonly AssignmentRow[];
  swap: ReturnType<typeof useSwapRaces>;
}) {
  const form = useSchemaForm(pactsContract.swap.body, {
    defaultValues: { races: [row.key, partners[0]?.key ?? ''] },
  });
  const handleSubmit = form.handleSubmit((input) => {
    swap.mutate(input.races, { onError: form.onServerError });
  });
  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate>
      <SelectField
        form={form}
        name="races.1"
        label="Swap members with"
        options={partners.map((r) => ({ value: r.key, label: `${r.name} (${r.member?.name})` }))}
      />
      <BusyButton type="submit" busy={swap.isPending} disabled={pact.stale}>
        Swap
      </BusyButton>
      {pact.stale ? <p className="muted">Rerun first: the rules changed since the latest version.</p> : null}
      <FormAlert form={form} />
      {/* Said here, not in a toast: the race's modal dialog would cover one. */}
      {swap.isSuccess ? (
        <p role="status" className="ok-text">
          Swapped: version {swap.data.number} recorded.
        </p>
      ) : null}
    </form>
  );
}
