import { Link } from 'react-router';
import { icalUrl, useCalendar } from '../../api/petitions.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { FeedSubscription } from './FeedSubscription.tsx';

/** Every deadline of the coalition's requirements and drives; the near ones marked 30, 14 or 7 days. */
export function DeadlineCalendar() {
  const calendar = useCalendar();
  if (calendar.isPending) return <Loading label="Loading deadlines" />;
  if (calendar.isError) return <ErrorMessage error={calendar.error} />;
  const upcoming = calendar.data.deadlines.filter((d) => d.daysLeft >= 0);
  return (
    <>
      {upcoming.length === 0 ? <p className="muted">No upcoming deadlines.</p> : null}
      <ul className="deadline-list">
        {upcoming.map((d) => (
          <li
            key={`${d.subject.id}-${d.kind}-${d.day}`}
            className={d.level ? `deadline-warning level-${d.level}` : undefined}
          >
            <time dateTime={d.day}>{d.day}</time>{' '}
            {d.subject.type === 'drive' ? (
              <Link to={`/petitions/drives/${d.subject.id}`}>{d.title}</Link>
            ) : (
              d.title
            )}{' '}
            <span className="muted">
              ({d.daysLeft === 0 ? 'today' : `in ${d.daysLeft} days`}
              {d.level ? `: within ${d.level} days` : ''})
            </span>
          </li>
        ))}
      </ul>
      <p className="small">
        <a href={icalUrl}>Download (iCal)</a>
      </p>
      <FeedSubscription />
    </>
  );
}

/** The dashboard's warnings: deadlines 30 days away or closer. */
export function DeadlineWarnings({
  deadlines,
}: {
  deadlines: Array<{
    day: string;
    title: string;
    daysLeft: number;
    level: number | null;
    kind: string;
    subject: { type: string; id: string };
  }>;
}) {
  if (deadlines.length === 0) return <p className="muted">No petition deadline within 30 days.</p>;
  return (
    <ul className="deadline-list">
      {deadlines.map((d) => (
        <li key={`${d.subject.id}-${d.kind}-${d.day}`} className={`deadline-warning level-${d.level}`}>
          <strong>{d.daysLeft === 0 ? 'Today' : `${d.daysLeft} days`}</strong>:{' '}
          {d.subject.type === 'drive' ? (
            <Link to={`/petitions/drives/${d.subject.id}`}>{d.title}</Link>
          ) : (
            d.title
          )}{' '}
          ({d.day})
        </li>
      ))}
    </ul>
  );
}
