import { type FormEvent, useRef, useState } from 'react';
import { useAddCheck } from '../../api/petitions.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { LabelledSelect } from './LabelledSelect.tsx';

const reasons = [
  ['notRegistered', 'Not registered'],
  ['wrongJurisdiction', 'Wrong jurisdiction'],
  ['duplicate', 'Duplicate'],
  ['illegible', 'Illegible'],
  ['addressMismatch', 'Address mismatch'],
] as const;
type ReasonKey = (typeof reasons)[number][0];

/** A sample check of a packet: lines checked, valid, and why the others were rejected. */
export function CheckEntry({
  driveId,
  defaultDay,
  packets,
}: {
  driveId: string;
  defaultDay: string;
  packets: string[];
}) {
  const add = useAddCheck(driveId);
  const first = useRef<HTMLSelectElement>(null);
  const blank = {
    packetLabel: '',
    checkedOn: defaultDay,
    linesChecked: '',
    linesValid: '',
    notRegistered: '',
    wrongJurisdiction: '',
    duplicate: '',
    illegible: '',
    addressMismatch: '',
  };
  const [row, setRow] = useState(blank);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: keyof typeof row) => (e: { target: { value: string } }) =>
    setRow({ ...row, [key]: e.target.value });
  const n = (v: string) => (v === '' ? 0 : Number(v));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        packetLabel: row.packetLabel,
        checkedOn: row.checkedOn,
        linesChecked: n(row.linesChecked),
        linesValid: n(row.linesValid),
        ...Object.fromEntries(reasons.map(([key]) => [key, n(row[key as ReasonKey])])),
      },
      {
        onSuccess: () => {
          setSaved(`Check of ${row.packetLabel} saved: ${row.linesValid} valid of ${row.linesChecked}.`);
          setRow({ ...blank, checkedOn: row.checkedOn });
          first.current?.focus();
        },
      },
    );
  };
  return (
    <form onSubmit={handleSubmit} className="entry-row" aria-label="Enter a validity check">
      <LabelledSelect
        label="Packet"
        selectRef={first}
        required
        value={row.packetLabel}
        onChange={set('packetLabel')}
      >
        <option value="">Choose…</option>
        {packets.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </LabelledSelect>
      <label>
        Checked on
        <input type="date" required value={row.checkedOn} onChange={set('checkedOn')} />
      </label>
      <label>
        Lines checked
        <input
          required
          inputMode="numeric"
          pattern="\d+"
          value={row.linesChecked}
          onChange={set('linesChecked')}
        />
      </label>
      <label>
        Lines valid
        <input
          required
          inputMode="numeric"
          pattern="\d+"
          value={row.linesValid}
          onChange={set('linesValid')}
        />
      </label>
      {reasons.map(([key, label]) => (
        <label key={key}>
          {label}
          <input inputMode="numeric" pattern="\d*" value={row[key]} onChange={set(key)} />
        </label>
      ))}
      <BusyButton type="submit" busy={add.isPending}>
        Save check
      </BusyButton>
      <p role="status" className="small">
        {saved}
      </p>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
    </form>
  );
}
