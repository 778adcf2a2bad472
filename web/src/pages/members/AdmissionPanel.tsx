import { useNavigate } from 'react-router';
import { useCreateDecision } from '../../api/decisions.ts';
import { useAdmissionCheck } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import type { Organization, RuleCheck } from '../../api/types.ts';
import { formatDate, formatNumber } from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';

const depthOf = (path: string) => path.split('.').length - 1;
const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');
const isAlternative = (path: string) => (path.split('.').at(-1) ?? '').startsWith('any');

function verdict(check: RuleCheck): string {
  // The charter rule is a yes/no rule the API reports as 0 or 1 of 1.
  if (check.rule.includes('charter')) return check.passed ? 'Ratified' : 'Not ratified';
  const has = check.actual === null ? 'no qualifying figure' : formatNumber(check.actual);
  const asOf = check.asOf ? ` as of ${formatDate(check.asOf)}` : '';
  return check.passed
    ? `Has ${has}${asOf}`
    : `Has ${has}${asOf}; needs ${formatNumber(check.required)}, short by ${formatNumber(check.shortBy)}`;
}

/** Each admission rule, passed or failed and by how much, and (staff) the way to the vote. */
export function AdmissionPanel({ organization }: { organization: Organization }) {
  const session = useSession().data;
  const check = useAdmissionCheck(organization.id);
  const create = useCreateDecision();
  const navigate = useNavigate();
  if (check.isPending) return <Loading label="Checking the admission rules" />;
  if (check.isError) return <ErrorMessage error={check.error} />;
  const { passed, checks, summary, today } = check.data;

  const handlePutToVote = () =>
    create.mutate(
      { kind: 'admission', title: `Admit ${organization.name}`, subjectOrganizationId: organization.id },
      { onSuccess: (decision) => navigate(`/decisions/${decision.id}`) },
    );

  return (
    <section aria-labelledby="admission-title" className="panel">
      <h2 id="admission-title">Admission</h2>
      <p>
        Rule: {summary}. As of {formatDate(today)} the application{' '}
        <strong className={passed ? 'ok-text' : 'bad-text'}>{passed ? 'meets' : 'does not meet'}</strong> it.
      </p>
      <ul className="rule-checks">
        {checks.map((c, i) => {
          const startsGroup =
            isAlternative(c.path) && parentOf(checks[i - 1]?.path ?? '') !== parentOf(c.path);
          return (
            <li key={c.path} style={{ marginInlineStart: `${depthOf(c.path) * 1.25}rem` }}>
              {startsGroup ? <div className="muted">At least one of:</div> : null}
              <span className={c.passed ? 'ok-text' : 'bad-text'} aria-hidden="true">
                {c.passed ? '✓' : '✗'}
              </span>{' '}
              <span className="visually-hidden">{c.passed ? 'Passes:' : 'Fails:'}</span>
              {c.rule}: {verdict(c)}
            </li>
          );
        })}
      </ul>
      {session && isStaffRole(session.role) ? (
        passed ? (
          <button type="button" onClick={handlePutToVote} disabled={create.isPending}>
            {create.isPending ? 'Opening the vote…' : 'Put the admission to a vote'}
          </button>
        ) : (
          <p className="muted">The application cannot be put to a vote until the rules pass.</p>
        )
      ) : null}
      {create.isError ? <ErrorMessage error={create.error} /> : null}
    </section>
  );
}
