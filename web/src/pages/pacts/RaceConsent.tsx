import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import { type PactView, useRecordConsent } from '../../api/pacts.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { formatDateTime } from '../../components/labels.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, RadioField, TextField } from '../../ui/fields.tsx';
import type { AssignmentRow } from './assignment-rows.ts';

const stanceLabels = { consent: 'Consent', object: 'Object' } as const;

/**
 * Local consent: each member's branch says whether it accepts the pact's choice in this race. A
 * delegate records its own organization's stance (until the pact is ratified); everyone reads them.
 */
export function RaceConsent({ pact, row }: { pact: PactView; row: AssignmentRow }) {
  const session = useSession().data;
  const record = useRecordConsent(pact.id);
  const own = session?.organizationId ?? null;
  const mine = row.race.consents.find((c) => c.organization.id === own);
  const form = useSchemaForm(pactsContract.consent.body, {
    defaultValues: { stance: mine?.stance ?? 'consent', note: mine?.note ?? '' },
  });
  const canRecord =
    session?.role === 'delegate' &&
    own !== null &&
    pact.status !== 'ratified' &&
    pact.members.some((m) => m.organizationId === own);

  const handleSubmit = form.handleSubmit((input) => {
    record.mutate({ race: row.key, ...input }, { onError: form.onServerError });
  });

  return (
    <section aria-labelledby="race-consent-title">
      <h3 id="race-consent-title">Local consent</h3>
      {row.race.consents.length === 0 ? (
        <p className="muted">No member has given a stance on this race.</p>
      ) : null}
      <ul className="card-list">
        {row.race.consents.map((c) => (
          <li key={c.organization.id}>
            <strong>{c.organization.name}</strong>:{' '}
            <span className={c.stance === 'consent' ? 'ok-text' : 'bad-text'}>
              {c.stance === 'consent' ? '✓ consents' : '✗ objects'}
            </span>
            {c.note ? ` — “${c.note}”` : ''}
            <div className="muted">
              {formatDateTime(c.recordedAt)}
              {c.versionNumber === null ? '' : `, on version ${c.versionNumber}`}
              {c.current ? '' : ' (given on an earlier assignment of this race)'}
            </div>
          </li>
        ))}
      </ul>
      {canRecord ? (
        <form className="stack-form" onSubmit={handleSubmit} noValidate>
          <RadioField
            form={form}
            name="stance"
            label="Your organization’s stance on this race"
            labels={stanceLabels}
          />
          <TextField form={form} name="note" label="Note" />
          <div>
            <BusyButton type="submit" busy={record.isPending}>
              Record the stance
            </BusyButton>
          </div>
          <FormAlert form={form} />
          {/* Said here, not in a toast: the race's modal dialog would cover one. */}
          {record.isSuccess ? (
            <p role="status" className="ok-text">
              Recorded.
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
