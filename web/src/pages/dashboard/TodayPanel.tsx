import { Link } from 'react-router';
import type { z } from 'zod';
import type { awaitedDecisionSchema } from '../../../../src/features/workspace/today.schema.ts';
import { useToday } from '../../api/today.ts';
import { timeLeft } from '../../components/labels.ts';
import './today.css';
import { ErrorMessage, Loading } from '../../components/Status.tsx';

type AwaitedDecision = z.infer<typeof awaitedDecisionSchema>;

/**
 * What needs the signed-in person today: decisions closing within a week and who still owes a
 * ballot (counts only on a secret ballot), applications to handle, pact consents awaited.
 */
export function TodayPanel() {
  const today = useToday();
  if (today.isPending) return <Loading label="Loading what needs you today" />;
  if (today.isError) return <ErrorMessage error={today.error} />;
  const { decisions, applications, consents } = today.data;
  if (decisions.length + applications.length + consents.length === 0) {
    return (
      <p className="muted">
        Nothing waits for you this week: no vote closing, no application, no consent awaited.
      </p>
    );
  }
  return (
    <div className="today">
      {decisions.length > 0 ? (
        <section aria-labelledby="today-votes">
          <h3 id="today-votes">Votes closing this week</h3>
          <ul className="card-list">
            {decisions.map((d) => (
              <li key={d.id}>
                <Link to={`/decisions/${d.id}`}>{d.title}</Link>
                {d.mine?.onRoll && !d.mine.voted ? (
                  <>
                    {' '}
                    <span className="badge badge-warn">Your vote is awaited</span>
                  </>
                ) : null}
                <div className="muted">
                  {timeLeft(d.closesAt)} · {d.voted} of {d.eligible} voted
                  {d.secret ? ' · secret ballot' : ''}
                </div>
                <NotVoted decision={d} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {applications.length > 0 ? (
        <section aria-labelledby="today-applications">
          <h3 id="today-applications">Pending applications</h3>
          <ul className="card-list">
            {applications.map((a) => (
              <li key={a.id}>
                <Link to={`/members/${a.id}`}>{a.name}</Link>
                <div className="muted">
                  {a.charterRatified ? 'Charter ratified' : 'Charter not ratified yet'}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {consents.length > 0 ? (
        <section aria-labelledby="today-consents">
          <h3 id="today-consents">Pact consents awaited</h3>
          <ul className="card-list">
            {consents.map((c) => (
              <li key={`${c.pactId}-${c.organization.organizationId}`}>
                <Link to={`/pacts/${c.pactId}`}>{c.pactName}</Link>: {c.organization.name} has not answered on{' '}
                {c.races.length} race{c.races.length === 1 ? '' : 's'}
                <div className="muted">
                  {c.races
                    .slice(0, 3)
                    .map((r) => r.name)
                    .join(', ')}
                  {c.races.length > 3 ? ` and ${c.races.length - 3} more` : ''}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Names on an open ballot; on a secret ballot only the count, as the issue asks. */
function NotVoted({ decision }: { decision: AwaitedDecision }) {
  const missing = decision.eligible - decision.voted;
  if (missing === 0) return <div className="muted">Everyone has voted.</div>;
  if (decision.notVoted === null)
    return <div>{missing} not voted yet (secret ballot: names are not shown)</div>;
  return <div>Not voted yet: {decision.notVoted.map((o) => o.name).join(', ')}</div>;
}
