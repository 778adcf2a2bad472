import { useFeedToken, useIssueFeedToken, useRevokeFeedToken } from '../../api/petitions.ts';
import { ErrorMessage } from '../../components/Status.tsx';

/**
 * The private calendar feed: calendar applications cannot sign in, so the URL carries a token of
 * the user's own. It is shown once, when created; creating it again rotates it (the old URL stops
 * working), revoking ends it. The feed shows what this user may see.
 */
export function FeedSubscription() {
  const status = useFeedToken();
  const issue = useIssueFeedToken();
  const revoke = useRevokeFeedToken();
  const issued = issue.data && !revoke.isSuccess ? issue.data : undefined;
  const active = status.data?.active === true;
  const url = issued ? `${window.location.origin}${issued.path}` : undefined;
  return (
    <section aria-labelledby="feed-title" className="feed-subscription">
      <h3 id="feed-title">Calendar subscription</h3>
      {status.isError ? <ErrorMessage error={status.error} /> : null}
      {url ? (
        <p>
          <label htmlFor="feed-url">
            Your private feed URL (shown once: copy it into your calendar application)
          </label>
          <input id="feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </p>
      ) : (
        <p className="muted small">
          {active
            ? `A private feed URL is live since ${status.data?.createdAt?.slice(0, 10) ?? ''}. Rotate it to see a new one (the old URL stops working).`
            : 'No private feed URL yet. Create one to subscribe from a calendar application without signing in.'}
        </p>
      )}
      <p className="actions">
        <button
          type="button"
          className="secondary small"
          onClick={() => issue.mutate()}
          disabled={issue.isPending}
        >
          {active ? 'Rotate the feed URL' : 'Create a feed URL'}
        </button>{' '}
        {active ? (
          <button
            type="button"
            className="secondary small"
            onClick={() => {
              issue.reset();
              revoke.mutate();
            }}
            disabled={revoke.isPending}
          >
            Revoke the feed URL
          </button>
        ) : null}
      </p>
      {issue.isError ? <ErrorMessage error={issue.error} /> : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
    </section>
  );
}
