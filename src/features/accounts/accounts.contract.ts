/** The session API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */
import { z } from 'zod';
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { loginBodySchema, sessionResponseSchema } from './accounts.schema.ts';

/** Every code the accounts feature throws, with its kind. */
export const accountErrors = defineErrors({
  'auth.invalid_credentials': 'unauthenticated',
  'auth.no_coalition': 'forbidden',
  /** `invalid` when the account has several coalitions and none was named; `forbidden` for a wrong one. */
  'auth.coalition_required': ['invalid', 'forbidden'],
  'auth.rate_limited': 'rate_limited',
  'user.invalid': 'invalid',
  'user.password_required': 'invalid',
  'coalition.not_found': 'not_found',
});
export type AccountErrorCode = CodeOf<typeof accountErrors>;

const endpoint = endpointsOf('accounts', accountErrors);

export const accountsContract = {
  signIn: endpoint({
    method: 'POST',
    path: '/api/session',
    auth: 'public',
    summary: 'Sign in: sets the session cookie and returns the CSRF token for later writes',
    body: loginBodySchema,
    response: sessionResponseSchema,
    errors: ['auth.invalid_credentials', 'auth.no_coalition', 'auth.coalition_required', 'auth.rate_limited'],
  }),
  session: endpoint({
    method: 'GET',
    path: '/api/session',
    auth: 'public',
    summary: 'The signed-in user, role and CSRF token; null when nobody is signed in',
    description:
      'Answers 200 in both cases, so that a web page can ask without a failed request in the console.',
    response: sessionResponseSchema.nullable(),
  }),
  signOut: endpoint({
    method: 'DELETE',
    path: '/api/session',
    auth: 'session',
    summary: 'Sign out',
    response: z.null(),
    status: 204,
  }),
};
