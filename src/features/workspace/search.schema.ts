import { z } from 'zod';

/** What the command palette can jump to, besides the app's own pages (which it filters itself). */
export const searchKinds = ['member', 'decision', 'pact', 'candidate', 'drive', 'place'] as const;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  /** Most results per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  label: z.string(),
  /** A second line: status, member, race, state… */
  detail: z.string(),
  /** The app path to open. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResponseSchema = z.object({ hits: z.array(searchHitSchema) });
