import { type FormEvent, useId, useState } from 'react';
import { type PactView, useLiftVeto, useLockRace, useUnlockRace, useVetoRace } from '../../api/pacts.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import type { AssignmentRow } from './assignment-rows.ts';
import { RaceSwap } from './RaceSwap.tsx';

/** A member picker over the pact's members (by organization id). */
function MemberSelect({
  label,
  members,
  value,
  onChange,
}: {
  label: string;
  members: readonly { organizationId: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required onChange={(e) => onChange(e.target.value)}>
        {members.map((m) => (
          <option key={m.organizationId} value={m.organizationId}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
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
  const [lockTo, setLockTo] = useState(
    row.lock?.organizationId ?? row.member?.organizationId ?? pact.members[0]?.organizationId ?? '',
  );
  const [vetoWho, setVetoWho] = useState(vetoable[0]?.organizationId ?? '');
  const vetoTarget = vetoable.some((m) => m.organizationId === vetoWho)
    ? vetoWho
    : (vetoable[0]?.organizationId ?? '');
  const error = lock.error ?? unlock.error ?? veto.error ?? lift.error;

  const handleLock = (event: FormEvent) => {
    event.preventDefault();
    lock.mutate({ race: row.key, organizationId: lockTo });
  };
  const handleVeto = (event: FormEvent) => {
    event.preventDefault();
    if (vetoTarget) veto.mutate({ race: row.key, organizationId: vetoTarget });
  };

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
          <form className="inline-form" onSubmit={handleLock}>
            <MemberSelect
              label="Lock this race to"
              members={pact.members}
              value={lockTo}
              onChange={setLockTo}
            />
            <BusyButton type="submit" busy={lock.isPending}>
              Lock
            </BusyButton>
          </form>
          {vetoable.length > 0 ? (
            <form className="inline-form" onSubmit={handleVeto}>
              <MemberSelect
                label="Veto a member here"
                members={vetoable}
                value={vetoTarget}
                onChange={setVetoWho}
              />
              <BusyButton type="submit" busy={veto.isPending}>
                Veto
              </BusyButton>
            </form>
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
