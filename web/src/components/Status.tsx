import { ApiError } from '../api/client.ts';
import { Skeleton } from '../ui/skeleton.tsx';

/** A page or list still loading: a skeleton of lines, announced once as "Loading…". */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return <Skeleton label={label} />;
}

/** An API failure as the user should read it: the server's message, and its code for support. */
export function ErrorMessage({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  // A code the contract does not name arrives as `unexpected`; support still wants the server's own.
  const code =
    error instanceof ApiError
      ? error.code === 'unexpected' && typeof error.details?.code === 'string'
        ? error.details.code
        : error.code
      : undefined;
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {code ? <p className="muted">Code: {code}</p> : null}
    </div>
  );
}
