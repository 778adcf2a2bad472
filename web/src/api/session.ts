import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.ts';

export type Role = 'admin' | 'secretariat' | 'delegate' | 'organizer' | 'viewer';

export interface Session {
  user: { id: string; email: string; displayName: string };
  coalition: { id: string; slug: string; name: string };
  role: Role;
  organizationId: string | null;
  csrfToken: string;
  expiresAt: string;
}

const sessionKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      const session = await api<Session | null>('/api/session');
      setCsrfToken(session?.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string; coalition?: string }) =>
      api<Session>('/api/session', { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/session', { method: 'DELETE' }),
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
