import { type FormEvent, useRef, useState } from 'react';
import { useAddPacket } from '../../api/petitions.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';

/**
 * Packet entry for a stack of paper: the fields that change every row come first (packet, then
 * signatures), so a row is usually Tab, a number and Enter. Enter saves and puts the cursor back
 * in the packet field with the next label (the last one plus one when it ends in a number); the
 * circulator, county and day stay from the last row, since they rarely change between packets.
 */
export function PacketEntry({ driveId, defaultDay }: { driveId: string; defaultDay: string }) {
  const add = useAddPacket(driveId);
  const first = useRef<HTMLInputElement>(null);
  const [row, setRow] = useState({
    label: '',
    circulatorName: '',
    county: '',
    collectedOn: defaultDay,
    rawCount: '',
  });
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: keyof typeof row) => (e: { target: { value: string } }) =>
    setRow({ ...row, [key]: e.target.value });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        label: row.label,
        circulatorName: row.circulatorName || null,
        county: row.county || null,
        collectedOn: row.collectedOn,
        rawCount: Number(row.rawCount),
      },
      {
        onSuccess: () => {
          setSaved(`Packet ${row.label} saved (${row.rawCount} signatures).`);
          const next = row.label.replace(/(\d+)$/, (n) => String(Number(n) + 1).padStart(n.length, '0'));
          setRow({ ...row, label: next === row.label ? '' : next, rawCount: '' });
          first.current?.focus();
          first.current?.select();
        },
      },
    );
  };
  return (
    <form onSubmit={handleSubmit} className="entry-row" aria-label="Enter a packet">
      <label>
        Packet
        <input ref={first} required value={row.label} onChange={set('label')} autoComplete="off" />
      </label>
      <label>
        Signatures
        <input
          required
          inputMode="numeric"
          pattern="\d+"
          value={row.rawCount}
          onChange={set('rawCount')}
          autoComplete="off"
        />
      </label>
      <label>
        Circulator
        <input
          value={row.circulatorName}
          onChange={set('circulatorName')}
          list="circulator-names"
          autoComplete="off"
        />
      </label>
      <label>
        County
        <input value={row.county} onChange={set('county')} autoComplete="off" />
      </label>
      <label>
        Collected on
        <input type="date" required value={row.collectedOn} onChange={set('collectedOn')} />
      </label>
      <BusyButton type="submit" busy={add.isPending}>
        Save packet
      </BusyButton>
      <p role="status" className="small">
        {saved}
      </p>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
    </form>
  );
}
