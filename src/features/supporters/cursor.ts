import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { invalid } from '../../core/errors.ts';
import type { ListPosition, Scope } from './people.repository.ts';

/**
 * Pagination cursors are sealed with AES-256-GCM under a key that belongs to the owning member and
 * bind its organization id: a cursor reveals nothing (not even the name it stopped at), cannot be
 * forged, and a cursor from another member (or altered by one bit) is refused with the same message.
 */
export function sealCursor(key: Uint8Array, scope: Scope, position: ListPosition): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(scope.organizationId));
  const body = Buffer.concat([
    cipher.update(JSON.stringify([position.lastName, position.firstName, position.id])),
    cipher.final(),
  ]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

const badCursor = () =>
  invalid('people.cursor_invalid', 'This cursor is not valid here: start again from the first page.');

export function openCursor(key: Uint8Array, scope: Scope, cursor: string): ListPosition {
  try {
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 29) throw badCursor();
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(scope.organizationId));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const [lastName, firstName, id] = JSON.parse(text) as [string, string, string];
    return { lastName, firstName, id };
  } catch {
    throw badCursor();
  }
}
