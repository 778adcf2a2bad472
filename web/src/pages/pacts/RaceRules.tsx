import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import { type PactView, useLiftVeto, useLockRace, useUnlockRace, useVetoRace } from '../../api/pacts.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, SelectField } from '../../ui/fields.tsx';
import type { AssignmentRow } from './assignment-rows.ts';
import { RaceSwap } from './RaceSwap.tsx';

type Member = { organizationId: string; name: string };
type RuleMutation = ReturnType<typeof useLockRace>;

/**
 * One rule (a lock or a veto) on this race, checked by the contract's body schema; the server's
 * refusal (a veto on the locked member, say) lands beside the member picker.
 */
function RuleForm({
  race,
  members,
  initial,
  label,
  submit,
  mutation,
}: {
  race: string;
  members: readonly Member[];
  initial: string;
  label: string;
  submit: string;
  mutation: RuleMutation;
}) {
  const form = useSchemaForm(pactsContract.lock.body, {
    defaultValues: { race, organizationId: initial },
  });
  const handleSubmit = form.handleSubmit((input) => {
    mutation.mutate(input, { onError: form.onServerError });
  });
  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate>
      <SelectField
        form={form}
        name="organizationId"
        label={label}
        options={members.map((m) => ({ value: m.organizationId, label: m.name }))}
      />
      <BusyButton type="submit" busy={mutation.isPending}>
        {submit}
      </BusyButton>
      <FormAlert form={form} />
    </form>
  );
}

/**
 * The race's locks and vetoes; staff on a draft add and remove them here (a rerun applies them).
 * The server checks every rule again (a veto on the locked member, say) and its refusal is shown.
 */
export function RaceRules({
  pact,
  row,
  rows,
  canEdit,
}: {
  pact: PactView;
  row: AssignmentRow;
  rows: readonly AssignmentRow[];
  canEdit: boolean;
}) {
  const lock = useLockRace(pact.id);
  const unlock = useUnlockRace(pact.id);
  const veto = useVetoRace(pact.id);
  const lift = useLiftVeto(pact.id);
  const vetoable = pact.members.filter(
    (m) =>
      m.organizationId !== row.lock?.organizationId &&
      !row.vetoes.some((v) => v.organizationId === m.organizationId),
  );
  const lockTo =
    row.lock?.organizationId ?? row.member?.organizationId ?? pact.members[0]?.organizationId ?? '';
  // The buttons' refusals; the two forms show their own beside their fields.
  const error = unlock.error ?? lift.error;

  return (
    <section aria-labelledby="race-rules-title">
      <h3 id="race-rules-title">Locks and vetoes</h3>
      <ul className="card-list">
        <li>
          {row.lock ? `Locked to ${row.lock.name}: a rerun keeps it there.` : 'Not locked.'}
          {canEdit && row.lock ? (
            <>
              {' '}
              <BusyButton
                className="secondary small"
                busy={unlock.isPending}
                onClick={() => unlock.mutate(row.key)}
              >
                Unlock
              </BusyButton>
            </>
          ) : null}
        </li>
        {row.vetoes.map((v) => (
          <li key={v.organizationId}>
            {v.name} is vetoed here: it never gets this race.
            {canEdit ? (
              <>
                {' '}
                <BusyButton
                  className="secondary small"
                  aria-label={`Lift the veto on ${v.name}`}
                  busy={lift.isPending}
                  onClick={() => lift.mutate({ race: row.key, organizationId: v.organizationId })}
                >
                  Lift veto
                </BusyButton>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <div className="rule-forms">
          {/* Keyed by what they offer: a new lock or veto starts them again on a valid choice. */}
          <RuleForm
            key={`lock-${row.key}-${lockTo}`}
            race={row.key}
            members={pact.members}
            initial={lockTo}
            label="Lock this race to"
            submit="Lock"
            mutation={lock}
          />
          {vetoable.length > 0 ? (
            <RuleForm
              key={`veto-${row.key}-${vetoable.map((m) => m.organizationId).join()}`}
              race={row.key}
              members={vetoable}
              initial={vetoable[0]?.organizationId ?? ''}
              label="Veto a member here"
              submit="Veto"
              mutation={veto}
            />
          ) : null}
          <RaceSwap pact={pact} row={row} rows={rows} />
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {canEdit && (lock.isSuccess || unlock.isSuccess || veto.isSuccess || lift.isSuccess) && pact.stale ? (
        <p className="muted" role="status">
          Saved. Run the engine again to see the rules’ effect.
        </p>
      ) : null}
    </section>
  );
}
