import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { accountsContract } from '../../../src/features/accounts/accounts.contract.ts';
import { passwordLimits } from '../../../src/features/accounts/accounts.schema.ts';
import { ApiError, assertNever, fieldIssues } from '../api/client.ts';
import { type Credentials, type SignInError, useSession, useSignIn } from '../api/session.ts';
import { ErrorMessage } from '../components/Status.tsx';

const formFields = ['email', 'password', 'coalition'] as const;

export function SignInPage() {
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  // The same zod schema the server parses the body with: one source for the rules and the limits.
  const form = useForm<Credentials>({
    resolver: zodResolver(accountsContract.signIn.body),
    defaultValues: { email: '', password: '' },
  });
  const coalition = form.watch('coalition');
  // An account in several coalitions must say which one; the server lists them in its refusal.
  const choices = coalitionChoices(signIn.error);
  const emailId = useId();
  const passwordId = useId();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const { errors } = form.formState;

  if (session.data) return <Navigate to={from} replace />;

  const handleSubmit = form.handleSubmit((credentials) => {
    signIn.mutate(credentials, {
      onSuccess: () => navigate(from, { replace: true }),
      // The server checks the same schema; its field issues land beside the fields they name.
      onError: (error) => {
        const issues = fieldIssues(error);
        for (const field of formFields) {
          const message = issues[field];
          if (message) form.setError(field, { message });
        }
      },
    });
  });

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
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${emailId}-error` : undefined}
          {...form.register('email')}
        />
        <FieldError id={`${emailId}-error`} message={errors.email?.message} />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          maxLength={passwordLimits.max}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? `${passwordId}-error` : undefined}
          {...form.register('password')}
        />
        <FieldError id={`${passwordId}-error`} message={errors.password?.message} />
        {choices.length > 0 || coalition ? (
          <>
            <label htmlFor="signin-coalition">Coalition</label>
            <select
              id="signin-coalition"
              required
              {...form.register('coalition', { setValueAs: (value: string) => value || undefined })}
            >
              <option value="">Choose one</option>
              {(choices.length > 0 ? choices : [coalition ?? '']).map((slug) => (
                <option key={slug} value={slug}>
                  {slug}
                </option>
              ))}
            </select>
            <FieldError id="signin-coalition-error" message={errors.coalition?.message} />
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

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** The coalitions to choose from, when the refusal is "which coalition?"; every other code has none. */
function coalitionChoices(error: SignInError | null): string[] {
  if (!(error instanceof ApiError)) return [];
  switch (error.code) {
    case 'auth.coalition_required': {
      const listed = error.details?.coalitions;
      return Array.isArray(listed) ? listed.filter((c): c is string => typeof c === 'string') : [];
    }
    case 'auth.invalid_credentials':
    case 'auth.no_coalition':
    case 'auth.rate_limited':
    case 'auth.account_throttled':
    case 'request.invalid':
    case 'internal':
    case 'unexpected':
      return [];
    default:
      return assertNever(error.code);
  }
}
