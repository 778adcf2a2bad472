import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { usePublicCoalitions } from '../../api/coalition.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import './public-brand.css';

/** The public entry point: every coalition that publishes its charter and members here. */
export function PublicIndexPage() {
  usePageTitle('Coalitions on Concord');
  const coalitions = usePublicCoalitions();
  return (
    <main id="main" className="narrow">
      <h1>Coalitions on Concord</h1>
      <p>Each coalition publishes its charter, its members and its candidates here, no sign-in needed.</p>
      {coalitions.isPending ? <Loading label="Loading the coalitions" /> : null}
      {coalitions.isError ? <ErrorMessage error={coalitions.error} /> : null}
      {coalitions.data?.length === 0 ? <p className="muted">No coalition has a public site yet.</p> : null}
      {coalitions.data && coalitions.data.length > 0 ? (
        <ul className="coalition-index" aria-label="Coalitions">
          {coalitions.data.map((c) => (
            <li key={c.slug} style={{ '--swatch': c.branding.primaryColor } as CSSProperties}>
              {c.branding.logo ? <img src={c.branding.logo} alt="" /> : null}
              <div>
                <Link to={`/public/${c.slug}`}>{c.name}</Link>
                <div className="muted">/{c.slug}</div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Member of a coalition? <Link to="/signin">Sign in</Link>.
      </p>
    </main>
  );
}
