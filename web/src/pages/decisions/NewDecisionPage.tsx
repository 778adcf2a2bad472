import { useController } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { decisionsContract } from '../../../../src/features/decisions/decisions.contract.ts';
import { ApiError } from '../../api/client.ts';
import { useCreateDecision } from '../../api/decisions.ts';
import { useOrganizations } from '../../api/organizations.ts';
import type { DecisionKind, Plank } from '../../api/types.ts';
import { decisionKindLabels, methodLabels } from '../../components/labels.ts';
import { PlanksEditor } from '../../components/PlanksEditor.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { type SchemaForm, useSchemaForm } from '../../forms/use-schema-form.ts';
import {
  CheckboxField,
  FormAlert,
  NumberField,
  SelectField,
  TextareaField,
  TextField,
} from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';
import { multiSeatMethods, optionMethods } from './methods.ts';

type DecisionBody = typeof decisionsContract.create.body;

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

/** A `datetime-local` value (the browser's local time) as the ISO instant the API takes. */
const localToIso = (text: string) => (text ? new Date(text).toISOString() : undefined);

/** Staff put a decision to the vote; the server checks due process and the admission rules. */
export function NewDecisionPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateDecision();
  usePageTitle('New decision');
  const organizations = useOrganizations();
  // Fields that a kind or method hides leave the body with them (shouldUnregister).
  const form = useSchemaForm(decisionsContract.create.body, {
    defaultValues: {
      kind: 'motion',
      title: '',
      weighting: 'equal',
      secret: false,
      seats: 1,
      proposal: { planks: [{ title: '', text: '' }] },
    },
    shouldUnregister: true,
  });
  const [kind, method, secret] = form.watch(['kind', 'method', 'secret']);
  const ranked = method !== undefined && optionMethods.includes(method);
  const secrecyWarnings = weakSecrecyWarnings(create.error);

  const handleSubmit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: (decision) => {
        toast(`"${decision.title}" is open for votes.`);
        navigate(`/decisions/${decision.id}`);
      },
      // A weak secret ballot is answered by the warning panel below, not as a field error.
      onError: (error) => {
        if (weakSecrecyWarnings(error).length === 0) form.onServerError(error);
      },
    });
  });

  return (
    <section aria-labelledby="new-decision-title" className="narrow-wide">
      <p>
        <Link to="/decisions">← All decisions</Link>
      </p>
      <h1 id="new-decision-title">Put a decision to the vote</h1>
      <form onSubmit={handleSubmit} className="stack-form" noValidate>
        <SelectField form={form} name="kind" label="Kind" labels={decisionKindLabels} />
        <TextField form={form} name="title" label="Title" />
        <TextareaField form={form} name="body" label="Text" rows={4} />
        {aboutOneMember.includes(kind) ? (
          <SelectField
            form={form}
            name="subjectOrganizationId"
            label="About"
            placeholder="Choose an organization"
            options={(organizations.data ?? []).map((o) => ({
              value: o.id,
              label: `${o.name} (${o.status})`,
            }))}
          />
        ) : null}
        {needsGrounds.includes(kind) ? (
          <TextareaField
            form={form}
            name="grounds"
            label="Grounds (the charge the member answers)"
            rows={3}
          />
        ) : null}
        {kind === 'charter_amendment' ? <ProposalPlanks form={form} /> : null}
        <SelectField
          form={form}
          name="method"
          label="Method"
          labels={methodLabels}
          placeholder="Default for this kind"
        />
        {ranked ? (
          <TextareaField
            form={form}
            name="options"
            label="Options, one per line (ranked and approval votes are for motions)"
            rows={4}
            splitOn={'\n'}
          />
        ) : null}
        {ranked && multiSeatMethods.includes(method) ? (
          <NumberField form={form} name="seats" label="Winners (seats)" />
        ) : null}
        <SelectField form={form} name="weighting" label="Weighting" labels={weightingLabels} />
        <TextField
          form={form}
          name="closesAt"
          label="Closes at (default: the coalition's voting window)"
          type="datetime-local"
          parse={localToIso}
        />
        <CheckboxField
          form={form}
          name="secret"
          label="Secret ballot (tally and receipts published, not who voted how)"
        />
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
            <CheckboxField
              form={form}
              name="acknowledgeWeakSecrecy"
              label="I understand; open the secret ballot anyway"
            />
          </div>
        ) : (
          <FormAlert form={form} />
        )}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Opening…' : 'Open the vote'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A charter amendment's complete new text, plank by plank. */
function ProposalPlanks({ form }: { form: SchemaForm<z.input<DecisionBody>, z.output<DecisionBody>> }) {
  const planks = useController({ control: form.control, name: 'proposal.planks' });
  return <PlanksEditor planks={(planks.field.value as Plank[]) ?? []} onChange={planks.field.onChange} />;
}
