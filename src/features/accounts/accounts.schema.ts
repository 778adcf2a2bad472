import { z } from 'zod';
import { roles } from '../../core/actor.ts';

export const passwordLimits = { min: 10, max: 200 } as const;

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

export const passwordSchema = z.string().min(passwordLimits.min).max(passwordLimits.max);

export const roleSchema = z.enum(roles);

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(passwordLimits.max),
  /** Slug of the coalition to sign in to; optional when the user belongs to exactly one. */
  coalition: z.string().min(1).max(100).optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionResponseSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  coalition: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  role: roleSchema,
  organizationId: z.uuid().nullable(),
  /** Send back as the `x-csrf-token` header on every write made with the session cookie. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionView = z.infer<typeof sessionResponseSchema>;

export const createUserInputSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
  coalitionSlug: z.string().min(1),
  role: roleSchema,
  organizationId: z.uuid().nullable().default(null),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;
