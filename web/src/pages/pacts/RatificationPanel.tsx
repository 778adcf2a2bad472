import { Link } from 'react-router';
import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import { type PactView, useSendToRatification } from '../../api/pacts.ts';
import { formatDateTime, phaseLabels } from '../../components/labels.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, SelectField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

function Standing({ pact }: { pact: PactView }) {
  const r = pact.ratification;
  if (pact.status === 'ratified') {
    return (
      <p>
        Ratified at version {pact.ratifiedVersion}: the pact is frozen and reads only.
        {r ? (
          <>
            {' '}
            <Link to={`/decisions/${r.decisionId}`}>See the decision</Link>.
          </>
        ) : null}
      </p>
    );
  }
  if (!r) return <p className="muted">No version has been sent to ratification yet.</p>;
  return (
    <p>
      Version {r.version}{' '}
      {pact.status === 'in_ratification' ? 'is before the members' : 'was put to the members'}:{' '}
      <Link to={`/decisions/${r.decisionId}`}>{r.title}</Link> ({phaseLabels[r.phase]}
      {r.outcome ? `, ${r.outcome.replace('_', ' ')}` : `, closes ${formatDateTime(r.closesAt)}`}).
      {pact.status === 'in_ratification' ? ' Edits and runs wait until it closes.' : ''}
    </p>
  );
}

/** A `datetime-local` value (the browser's local time) as the ISO instant the API takes. */
const localToIso = (text: string) => (text ? new Date(text).toISOString() : undefined);

/** Where the pact stands with the members; staff send a version of a draft to a ratification vote. */
export function RatificationPanel({ pact, canEdit }: { pact: PactView; canEdit: boolean }) {
  const send = useSendToRatification(pact.id);
  const latest = pact.versions.at(-1)?.number;
  return (
    <section aria-labelledby="ratification-title" className="panel">
      <h2 id="ratification-title">Ratification</h2>
      <Standing pact={pact} />
      {canEdit && latest !== undefined ? (
        // Keyed by the latest version: a new one becomes the one offered, without a reload.
        <RatifyForm key={latest} pact={pact} latest={latest} send={send} />
      ) : null}
      {send.isSuccess ? (
        <p role="status" className="ok-text">
          Sent: <Link to={`/decisions/${send.data.decisionId}`}>the ratification decision</Link> is open.
        </p>
      ) : null}
    </section>
  );
}

function RatifyForm({
  pact,
  latest,
  send,
}: {
  pact: PactView;
  latest: number;
  send: ReturnType<typeof useSendToRatification>;
}) {
  const toast = useToast();
  const form = useSchemaForm(pactsContract.ratify.body, { defaultValues: { version: latest } });
  const chosen = form.watch('version') ?? latest;
  const handleSubmit = form.handleSubmit((input) => {
    send.mutate(input, {
      onSuccess: () => toast(`Version ${input.version ?? latest} of ${pact.name} is before the members.`),
      onError: form.onServerError,
    });
  });
  return (
    <form className="grid-form" onSubmit={handleSubmit} noValidate>
      <SelectField
        form={form}
        name="version"
        label="Version to ratify"
        parse={Number}
        options={pact.versions.map((v) => ({
          value: String(v.number),
          label: `Version ${v.number} (${v.expectedWins.toFixed(2)} expected wins)`,
        }))}
      />
      <TextField
        form={form}
        name="closesAt"
        label="Vote closes at (default: the coalition's window)"
        type="datetime-local"
        parse={localToIso}
      />
      <div>
        <button type="submit" disabled={send.isPending}>
          Send version {chosen} to ratification
        </button>
      </div>
      <FormAlert form={form} />
    </form>
  );
}
