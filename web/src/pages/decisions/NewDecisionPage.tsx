import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateDecision } from '../../api/decisions.ts';
import { useOrganizations } from '../../api/organizations.ts';
import type { CreateDecisionInput, DecisionKind, DecisionMethod, Plank } from '../../api/types.ts';
import { decisionKindLabels, methodLabels } from '../../components/labels.ts';
import { PlanksEditor } from '../../components/PlanksEditor.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

const aboutOneMember: readonly DecisionKind[] = ['admission', 'suspension', 'expulsion', 'reinstatement'];
const needsGrounds: readonly DecisionKind[] = ['suspension', 'expulsion'];
const weightingLabels = { equal: 'One organization, one vote', strength: 'By strength' } as const;
const rankedMethods: readonly DecisionMethod[] = ['irv', 'stv', 'schulze', 'approval'];
const multiSeat: readonly DecisionMethod[] = ['stv', 'approval'];

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
  const [closesAt, setClosesAt] = useState('');
  const [options, setOptions] = useState('');
  const [seats, setSeats] = useState('1');
  const ranked = method !== '' && rankedMethods.includes(method);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input: CreateDecisionInput = {
      kind,
      title,
      body,
      weighting,
      secret,
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
      ...(ranked && multiSeat.includes(method) ? { seats: Number(seats) } : {}),
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
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Text</label>
          <textarea id={`${id}-body`} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
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
          <div className="field">
            <label htmlFor={`${id}-grounds`}>Grounds (the charge the member answers)</label>
            <textarea
              id={`${id}-grounds`}
              required
              rows={3}
              value={grounds}
              onChange={(e) => setGrounds(e.target.value)}
            />
          </div>
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
          <div className="field">
            <label htmlFor={`${id}-options`}>
              Options to rank, one per line (ranked methods are for motions)
            </label>
            <textarea
              id={`${id}-options`}
              required
              rows={4}
              value={options}
              onChange={(e) => setOptions(e.target.value)}
            />
          </div>
        ) : null}
        {ranked && multiSeat.includes(method) ? (
          <div className="field">
            <label htmlFor={`${id}-seats`}>Winners (seats)</label>
            <input
              id={`${id}-seats`}
              type="number"
              min={1}
              max={49}
              required
              value={seats}
              onChange={(e) => setSeats(e.target.value)}
            />
          </div>
        ) : null}
        <SelectField
          label="Weighting"
          value={weighting}
          labels={weightingLabels}
          onChange={(value) => value && setWeighting(value)}
        />
        <div className="field">
          <label htmlFor={`${id}-closes`}>Closes at (default: the coalition's voting window)</label>
          <input
            id={`${id}-closes`}
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
          />
        </div>
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
        {create.isError ? <ErrorMessage error={create.error} /> : null}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Opening…' : 'Open the vote'}
          </button>
        </div>
      </form>
    </section>
  );
}
