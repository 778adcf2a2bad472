import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../components/TextField.tsx';

/**
 * The public entry point. The API names a coalition only by its slug and lists none, so a visitor
 * who arrives without a link types the coalition's short name.
 */
export function PublicIndexPage() {
  const navigate = useNavigate();
  const [slug, setSlug] = useState('');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/public/${encodeURIComponent(slug.trim().toLowerCase())}`);
  };
  return (
    <main id="main" className="narrow">
      <h1>Concord public pages</h1>
      <p>Each coalition publishes its charter and members here, no sign-in needed.</p>
      <form onSubmit={handleSubmit} className="stack-form">
        <TextField
          label="Coalition short name"
          required
          value={slug}
          placeholder="e.g. demo"
          onChange={setSlug}
        />
        <div>
          <button type="submit">Open its public page</button>
        </div>
      </form>
      <p>
        Member of a coalition? <Link to="/signin">Sign in</Link>.
      </p>
    </main>
  );
}
