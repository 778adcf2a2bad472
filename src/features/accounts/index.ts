/**
 * The accounts feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `accounts.contract.ts` instead; src/app.ts and src/cli.ts, the composition
 * roots, import `accounts.routes.ts` and `accounts.cli.ts` directly.
 */
import type { SessionAuthenticator } from '../../http/auth.ts';
import { resolveSession } from './accounts.service.ts';
import { tokensMatch } from './session-token.ts';

export { type AccountErrorCode, accountErrors, accountsContract } from './accounts.contract.ts';
export { type CreateUserInput, roleSchema, type SessionView } from './accounts.schema.ts';
export { createUser } from './accounts.service.ts';

/** How `installAuth` turns a session cookie into an Actor (src/app.ts passes it in). */
export const sessionAuthenticator: SessionAuthenticator = { resolveSession, tokensMatch };
