import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountsContract } from '../../../src/features/accounts/accounts.contract.ts';
import type { LoginBody, SessionView } from '../../../src/features/accounts/accounts.schema.ts';
import { type ApiErrorOf, call, setCsrfToken } from './client.ts';

export type Session = SessionView;
export type Role = Session['role'];
/** What the sign-in form sends (before the schema lower-cases the e-mail). */
export type Credentials = z.input<typeof accountsContract.signIn.body>;
export type SignInError = ApiErrorOf<typeof accountsContract.signIn>;
export type { LoginBody };

const sessionKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      const session = await call(accountsContract.session);
      setCsrfToken(session?.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Session, SignInError, Credentials>({
    mutationFn: (credentials) => call(accountsContract.signIn, { body: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(accountsContract.signOut),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

/** What each role may see in the navigation; the server enforces the same rules on every call. */
export const staffRoles: readonly Role[] = ['admin', 'secretariat'];
export const canWrite = (role: Role) => role !== 'viewer';
