import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { proposeCandidateSchema } from '../../../../src/features/tickets/tickets.schema.ts';
import { useOrganizations } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import {
  type CheckInput,
  type LineInput,
  type RaceRef,
  useProposeCandidate,
  useRuleCheck,
} from '../../api/tickets.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, SelectField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { displayLabels } from './labels.ts';
import { NominationRefusal } from './NominationRefusal.tsx';
import { RacePicker } from './RacePicker.tsx';
import { RuleChecks } from './RuleChecks.tsx';
import './tickets.css';

type Support = 'none' | 'party' | 'endorsement';

/**
 * The ticket builder: a candidate, a race, the proposing member and what each other member adds
 * (its own party line, an endorsement, or nothing), checked live against the race's ballot law
 * and the ratified pacts before anything is stored.
 */
export function TicketBuilderPage() {
  usePageTitle('Build a ticket');
  const session = useSession().data;
  const staff = session ? isStaffRole(session.role) : false;
  const [race, setRace] = useState<RaceRef | null>(null);
  const members = useOrganizations({ status: 'member' });
  const propose = useProposeCandidate();
  const navigate = useNavigate();
  const toast = useToast();
  // The schema the server parses a proposal with (tickets has no endpoint contract yet).
  const form = useSchemaForm(proposeCandidateSchema, {
    defaultValues: { name: '', raceId: '', organizationId: session?.organizationId ?? '', lines: [] },
  });
  const [raceId = '', proposer = ''] = form.watch(['raceId', 'organizationId']);
  const [support, setSupport] = useState<Record<string, Support>>({});

  const lines: LineInput[] = useMemo(
    () => [
      { kind: 'party', organizationId: proposer || undefined, candidateIsMember: true, wilsonPakula: false },
      ...Object.entries(support)
        .filter(([id, s]) => s !== 'none' && id !== proposer)
        .map(([id, s]) => ({
          kind: s as 'party' | 'endorsement',
          organizationId: id,
          candidateIsMember: true,
          wilsonPakula: false,
        })),
    ],
    [proposer, support],
  );
  const draft: CheckInput | null = raceId && proposer ? { raceId, organizationId: proposer, lines } : null;
  const check = useRuleCheck(draft);
  // The lines follow the proposer and the other members' choices; the schema checks them on submit.
  useEffect(() => form.setValue('lines', lines), [form.setValue, lines]);

  if (members.isPending) return <Loading label="Loading members" />;
  if (members.isError) return <ErrorMessage error={members.error} />;
  const others = members.data.filter((m) => m.id !== proposer);

  return (
    <section aria-labelledby="builder-title" className="ticket-builder">
      <h1 id="builder-title">Build a ticket</h1>
      <form
        noValidate
        onSubmit={form.handleSubmit((input) =>
          propose.mutate(input, {
            onSuccess: (created) => {
              toast(`${created.name} proposed.`);
              navigate(`/candidates/${created.id}`);
            },
            onError: form.onServerError,
          }),
        )}
      >
        <TextField form={form} name="name" label="Candidate" />
        <RacePicker
          value={race}
          onChange={(chosen) => {
            setRace(chosen);
            form.setValue('raceId', chosen?.id ?? '', { shouldValidate: form.formState.isSubmitted });
          }}
          error={form.formState.errors.raceId ? 'Choose a race from the list.' : undefined}
        />
        <SelectField
          form={form}
          name="organizationId"
          label="Proposing member"
          placeholder="Choose a member"
          disabled={!staff}
          options={members.data.map((m) => ({ value: m.id, label: m.name }))}
        />
        <fieldset>
          <legend>Other members</legend>
          {others.map((m) => (
            <div className="field" key={m.id}>
              <label htmlFor={`support-${m.id}`}>{m.name}</label>
              <select
                id={`support-${m.id}`}
                value={support[m.id] ?? 'none'}
                onChange={(e) => setSupport({ ...support, [m.id]: e.target.value as Support })}
              >
                <option value="none">Not on this ticket</option>
                <option value="party">Its own party line (joint ticket)</option>
                <option value="endorsement">Endorsement only</option>
              </select>
            </div>
          ))}
        </fieldset>
        <section aria-labelledby="checks-title" className="rule-checks">
          <h2 id="checks-title">Rule checks</h2>
          {!draft ? <p className="muted">Choose a race and a member to check the ticket.</p> : null}
          {check.isError ? <ErrorMessage error={check.error} /> : null}
          {check.data ? (
            <>
              <RuleChecks check={check.data} />
              {check.data.fusion.ok ? (
                <p>On the ballot: {displayLabels[check.data.fusion.display]}.</p>
              ) : null}
            </>
          ) : null}
        </section>
        {propose.isError ? (
          <NominationRefusal
            error={propose.error}
            onEndorse={() => {
              // The refusal's own offer: every other member's party line becomes an endorsement.
              setSupport(
                Object.fromEntries(
                  Object.entries(support).map(([id, s]) => [id, s === 'party' ? 'endorsement' : s]),
                ),
              );
              propose.reset();
            }}
          />
        ) : (
          // Anything else the form holds (e.g. a client-side refusal) in the form's alert.
          <FormAlert form={form} />
        )}
        <BusyButton type="submit" busy={propose.isPending} className="primary">
          Propose the candidate
        </BusyButton>
      </form>
    </section>
  );
}
