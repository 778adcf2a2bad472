import { useLockRace, useUnlockRace } from '../../api/pacts.ts';
import type { AssignmentRow } from './assignment-rows.ts';

/**
 * The table's quick rule: lock a race to the member it has now (keep it there whatever a rerun
 * finds), or unlock it. Other members, vetoes and swaps are in the race's details.
 */
export function LockButton({ pactId, row }: { pactId: string; row: AssignmentRow }) {
  const lock = useLockRace(pactId);
  const unlock = useUnlockRace(pactId);
  const pending = lock.isPending || unlock.isPending;
  const error = lock.error ?? unlock.error;
  if (row.lock) {
    return (
      <>
        <button
          type="button"
          className="secondary small"
          aria-label={`Unlock ${row.name}`}
          disabled={pending}
          onClick={() => unlock.mutate(row.key)}
        >
          Unlock
        </button>
        {error ? (
          <span role="alert" className="bad-text">
            {error.message}
          </span>
        ) : null}
      </>
    );
  }
  const member = row.member;
  if (!member) return null;
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-label={`Lock ${row.name} to ${member.name}`}
        disabled={pending}
        onClick={() => lock.mutate({ race: row.key, organizationId: member.organizationId })}
      >
        Lock
      </button>
      {error ? (
        <span role="alert" className="bad-text">
          {error.message}
        </span>
      ) : null}
    </>
  );
}
