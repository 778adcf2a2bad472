import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/errors.ts';

/**
 * Embedded PGlite is one process's database: a second process that opens the same data directory
 * sees a stale copy and its writes are lost (or worse). So whoever opens the directory first holds
 * `concord.lock` in it, naming its pid; everyone else is refused with a clear line until that
 * process is gone. A lock whose pid no longer runs (kill -9, power loss) is stale and is taken over.
 */
export type LockHolder = 'server' | 'command';

export interface LockContent {
  pid: number;
  holder: LockHolder;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

export const lockFileName = 'concord.lock';

export function acquireDataDirLock(dataDir: string, holder: LockHolder): DataDirLock {
  const path = join(dataDir, lockFileName);
  const content: LockContent = { pid: process.pid, holder, since: new Date().toISOString() };
  // Written to a private file first and then hard-linked into place: the link either creates the
  // lock with its content in one step or fails because a lock exists, so nobody reads a half-written lock.
  const draft = `${path}.${process.pid}.tmp`;
  writeFileSync(draft, JSON.stringify(content));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, path);
        break;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
        if (attempt > 0) throw lockedError(readLock(path));
        const current = readLock(path);
        if (current && isRunning(current.pid)) throw lockedError(current);
        removeIfPresent(path); // stale: its process is gone
      }
    }
  } finally {
    unlinkSync(draft);
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: never delete one that a later process took over.
    if (readLock(path)?.pid === process.pid) removeIfPresent(path);
  };
  // A process that dies by an exception still runs 'exit' handlers; kill -9 leaves a stale lock.
  process.on('exit', release);
  return { release };
}

/** Who holds the data directory's lock now, if anybody (to word a refusal). */
export function lockHolderOf(dataDir: string): LockContent | undefined {
  const lock = readLock(join(dataDir, lockFileName));
  return lock && isRunning(lock.pid) ? lock : undefined;
}

function readLock(path: string): LockContent | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { pid, holder, since } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number' || (holder !== 'server' && holder !== 'command')) return undefined;
    return { pid, holder, since: typeof since === 'string' ? since : '' };
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM'); // alive, but another user's process
  }
}

/** One line, no details: the CLI prints it as it stands. */
function lockedError(lock: LockContent | undefined): DomainError {
  if (lock?.holder === 'server') {
    return new DomainError(
      'conflict',
      'database.locked',
      `the server (pid ${lock.pid}) holds this database; stop it, or use the API, or point DATABASE_URL at PostgreSQL`,
    );
  }
  const who = lock ? `another concord command (pid ${lock.pid})` : 'another process';
  return new DomainError(
    'conflict',
    'database.locked',
    `${who} holds this database; wait for it to finish, or point DATABASE_URL at PostgreSQL`,
  );
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
