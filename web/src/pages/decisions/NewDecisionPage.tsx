import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createDecisionSchema } from '../../../../src/features/decisions/decisions.schema.ts';
import { ApiError } from '../../api/client.ts';
import { useCreateDecision } from '../../api/decisions.ts';
import { useOrganizations } from '../../api/organizations.ts';
import type { CreateDecisionInput, DecisionKind, DecisionMethod, Plank } from '../../api/types.ts';
import { decisionKindLabels, methodLabels } from '../../components/labels.ts';
import { PlanksEditor } from '../../components/PlanksEditor.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { maxLengthOf } from '../../forms/limits.ts';
import { multiSeatMethods, optionMethods } from './methods.ts';

const aboutOneMember: readonly DecisionKind[] = ['admission', 'suspension', 'expulsion', 'reinstatement'];
const needsGrounds: readonly DecisionKind[] = ['suspension', 'expulsion'];
const weightingLabels = { equal: 'One organization, one vote', strength: 'By strength' } as const;

/** The server's warnings when a secret ballot's electorate is too small or too unevenly weighted. */
function weakSecrecyWarnings(error: unknown): { code: string; message: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'decision.weak_secrecy') return [];
  const warnings = error.details?.warnings;
  return Array.isArray(warnings)
    ? warnings.filter(
        (w): w is { code: string; message: string } =>
          typeof w === 'object' && w !== null && typeof w.code === 'string' && typeof w.message === 'string',
      )
    : [];
}

/** Staff put a decision to the vote; the server checks due process and the admission rules. */
export function NewDecisionPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateDecision();
  usePageTitle('New decision');
  const organizations = useOrganizations();
  const [kind, setKind] = useState<DecisionKind>('motion');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [subject, setSubject] = useState('');
  const [grounds, setGrounds] = useState('');
  const [planks, setPlanks] = useState<Plank[]>([{ title: '', text: '' }]);
  const [method, setMethod] = useState<DecisionMethod | ''>('');
  const [weighting, setWeighting] = useState<'equal' | 'strength'>('equal');
  const [secret, setSecret] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const secrecyWarnings = weakSecrecyWarnings(create.error);
  const [closesAt, setClosesAt] = useState('');
  const [options, setOptions] = useState('');
  const [seats, setSeats] = useState('1');
  const ranked = method !== '' && optionMethods.includes(method);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input: CreateDecisionInput = {
      kind,
      title,
      body,
      weighting,
      secret,
      ...(secret && acknowledged ? { acknowledgeWeakSecrecy: true } : {}),
      ...(aboutOneMember.includes(kind) ? { subjectOrganizationId: subject } : {}),
      ...(needsGrounds.includes(kind) ? { grounds } : {}),
      ...(kind === 'charter_amendment' ? { proposal: { planks } } : {}),
      ...(method ? { method } : {}),
      ...(ranked
        ? {
            options: options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : {}),
      ...(ranked && multiSeatMethods.includes(method) ? { seats: Number(seats) } : {}),
      ...(closesAt ? { closesAt: new Date(closesAt).toISOString() } : {}),
    };
    create.mutate(input, { onSuccess: (decision) => navigate(`/decisions/${decision.id}`) });
  };

  return (
    <section aria-labelledby="new-decision-title" className="narrow-wide">
      <p>
        <Link to="/decisions">← All decisions</Link>
      </p>
      <h1 id="new-decision-title">Put a decision to the vote</h1>
      <form onSubmit={handleSubmit} className="stack-form">
        <SelectField
          label="Kind"
          value={kind}
          labels={decisionKindLabels}
          onChange={(value) => value && setKind(value)}
        />
        <TextField
          label="Title"
          required
          maxLength={maxLengthOf(createDecisionSchema.shape.title)}
          value={title}
          onChange={setTitle}
        />
        <TextField label="Text" rows={4} value={body} onChange={setBody} />
        {aboutOneMember.includes(kind) ? (
          <div className="field">
            <label htmlFor={`${id}-subject`}>About</label>
            <select
              id={`${id}-subject`}
              required
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            >
              <option value="">Choose an organization</option>
              {(organizations.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.status})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {needsGrounds.includes(kind) ? (
          <TextField
            label="Grounds (the charge the member answers)"
            required
            rows={3}
            value={grounds}
            onChange={setGrounds}
          />
        ) : null}
        {kind === 'charter_amendment' ? <PlanksEditor planks={planks} onChange={setPlanks} /> : null}
        <SelectField
          label="Method"
          value={method}
          labels={methodLabels}
          anyLabel="Default for this kind"
          onChange={setMethod}
        />
        {ranked ? (
          <TextField
            label="Options, one per line (ranked and approval votes are for motions)"
            required
            rows={4}
            value={options}
            onChange={setOptions}
          />
        ) : null}
        {ranked && multiSeatMethods.includes(method) ? (
          <TextField
            label="Winners (seats)"
            type="number"
            min={1}
            max={49}
            required
            value={seats}
            onChange={setSeats}
          />
        ) : null}
        <SelectField
          label="Weighting"
          value={weighting}
          labels={weightingLabels}
          onChange={(value) => value && setWeighting(value)}
        />
        <TextField
          label="Closes at (default: the coalition's voting window)"
          type="datetime-local"
          value={closesAt}
          onChange={setClosesAt}
        />
        <div className="field checkbox">
          <input
            id={`${id}-secret`}
            type="checkbox"
            checked={secret}
            onChange={(e) => setSecret(e.target.checked)}
          />
          <label htmlFor={`${id}-secret`}>
            Secret ballot (tally and receipts published, not who voted how)
          </label>
        </div>
        {secret && secrecyWarnings.length > 0 ? (
          <div className="panel warning" role="alert" data-testid="weak-secrecy">
            <p>
              <strong>This ballot cannot be fully secret.</strong> Its result will be published with coarser
              figures, or as the outcome only:
            </p>
            <ul>
              {secrecyWarnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
            <div className="field checkbox">
              <input
                id={`${id}-ack`}
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
              />
              <label htmlFor={`${id}-ack`}>I understand; open the secret ballot anyway</label>
            </div>
          </div>
        ) : create.isError ? (
          <ErrorMessage error={create.error} />
        ) : null}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Opening…' : 'Open the vote'}
          </button>
        </div>
      </form>
    </section>
  );
}
