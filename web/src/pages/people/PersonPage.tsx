import { useParams } from 'react-router';
import { usePlaceNames } from '../../api/map.ts';
import { usePerson } from '../../api/people.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** One supporter of your member: contacts, consent per channel, activity, and the fact of any link. */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  const p = person.data;
  const county = usePlaceNames(p?.address.countyFips ? [p.address.countyFips] : []);
  usePageTitle(p ? `${p.firstName} ${p.lastName}` : 'Person');
  if (person.isPending) return <Loading label="Loading the person" />;
  if (person.isError) return <ErrorMessage error={person.error} />;
  if (!p) return null;
  return (
    <section aria-labelledby="person-title">
      <h1 id="person-title">
        {p.firstName} {p.lastName}
      </h1>
      <dl className="facts">
        <dt>Emails</dt>
        <dd>{p.emails.join(', ') || '—'}</dd>
        <dt>Phones</dt>
        <dd>{p.phones.join(', ') || '—'}</dd>
        <dt>Address</dt>
        <dd>
          {[p.address.line1, p.address.line2, p.address.city, p.address.state, p.address.postalCode]
            .filter(Boolean)
            .join(', ') || '—'}
          {p.address.countyFips ? ` (${county.nameOf(p.address.countyFips)})` : ''}
        </dd>
        <dt>Tags</dt>
        <dd>{p.tags.join(', ') || '—'}</dd>
        <dt>Notes</dt>
        <dd>{p.notes || '—'}</dd>
      </dl>
      <h2>Consent</h2>
      <ul>
        {Object.entries(p.consent).map(([channel, ok]) => (
          <li key={channel}>
            {channel}: {ok ? 'yes' : 'no'}
          </li>
        ))}
      </ul>
      <h2>Activity</h2>
      {p.activities.length === 0 ? <p>None recorded.</p> : null}
      <ul>
        {p.activities.map((a) => (
          <li key={a.id}>
            {a.occurredOn} {a.kind} {a.label}{' '}
            {a.amountCents !== null ? `$${(a.amountCents / 100).toFixed(2)}` : ''}
          </li>
        ))}
      </ul>
      {p.links.length ? (
        <>
          <h2>Linked memberships</h2>
          <ul>
            {p.links.map((l) => (
              <li key={l.id}>
                Also a supporter of {l.organizationName} (the person consented: {l.source})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
