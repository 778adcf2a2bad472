import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';

/**
 * Who reads map data: anyone sees reference rows (coalition_id null); a signed-in actor also sees
 * their own coalition's rows, never another coalition's.
 */
export type Viewer = Pick<Actor, 'coalitionId'> | null;

/** `column is null or column = <the viewer's coalition>`, for a `where`. */
export function visibleTo(column: string, viewer: Viewer): RawBuilder<boolean> {
  return viewer
    ? sql<boolean>`(${sql.ref(column)} is null or ${sql.ref(column)} = ${viewer.coalitionId})`
    : sql<boolean>`${sql.ref(column)} is null`;
}

export const scopeOf = (coalitionId: string | null) => (coalitionId === null ? 'reference' : 'coalition');
