import { type FormEvent, useId, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useSession, useSignIn } from '../api/session.ts';
import { ErrorMessage } from '../components/Status.tsx';

export function SignInPage() {
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [coalition, setCoalition] = useState('');
  // An account in several coalitions must say which one; the server lists them in its refusal.
  const choices = coalitionChoices(signIn.error);
  const emailId = useId();
  const passwordId = useId();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={from} replace />;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password, ...(coalition ? { coalition } : {}) },
      { onSuccess: () => navigate(from, { replace: true }) },
    );
  };

  return (
    <main id="main" className="signin">
      <p className="signin-product">
        <span className="product">Concord</span>
        <span className="muted"> · the workspace of a coalition of parties and movements</span>
      </p>
      <h1>Sign in to Concord</h1>
      <form onSubmit={handleSubmit} noValidate={false}>
        <label htmlFor={emailId}>E-mail</label>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {choices.length > 0 || coalition ? (
          <>
            <label htmlFor="signin-coalition">Coalition</label>
            <select
              id="signin-coalition"
              required
              value={coalition}
              onChange={(event) => setCoalition(event.target.value)}
            >
              <option value="">Choose one</option>
              {(choices.length > 0 ? choices : [coalition]).map((slug) => (
                <option key={slug} value={slug}>
                  {slug}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {signIn.isError ? <ErrorMessage error={signIn.error} /> : null}
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted signin-public">
        Not a member of staff or a delegate? <Link to="/public">See the coalitions' public sites</Link>.
      </p>
    </main>
  );
}

function coalitionChoices(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'auth.coalition_required') return [];
  const listed = error.details?.coalitions;
  return Array.isArray(listed) ? listed.filter((c): c is string => typeof c === 'string') : [];
}
