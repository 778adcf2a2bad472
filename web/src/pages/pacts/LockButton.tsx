import { useLockRace, useUnlockRace } from '../../api/pacts.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import type { AssignmentRow } from './assignment-rows.ts';

/**
 * The table's quick rule: lock a race to the member it has now (keep it there whatever a rerun
 * finds), or unlock it. Other members, vetoes and swaps are in the race's dialog. One button whose
 * label and action follow the race's state, so keyboard focus stays on it after a press.
 */
export function LockButton({ pactId, row }: { pactId: string; row: AssignmentRow }) {
  const lock = useLockRace(pactId);
  const unlock = useUnlockRace(pactId);
  const member = row.member;
  if (!row.lock && !member) return null;
  const error = lock.error ?? unlock.error;
  const handleClick = () => {
    if (row.lock) unlock.mutate(row.key);
    else if (member) lock.mutate({ race: row.key, organizationId: member.organizationId });
  };
  return (
    <>
      <BusyButton
        className="secondary small"
        aria-label={row.lock ? `Unlock ${row.name}` : `Lock ${row.name} to ${member?.name}`}
        busy={lock.isPending || unlock.isPending}
        onClick={handleClick}
      >
        {row.lock ? 'Unlock' : 'Lock'}
      </BusyButton>
      {error ? (
        <span role="alert" className="bad-text">
          {error.message}
        </span>
      ) : null}
    </>
  );
}
