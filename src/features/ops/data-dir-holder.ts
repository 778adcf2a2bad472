import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors.ts';

/**
 * Who holds an embedded data directory. Embedded PGlite is one process's database: the process
 * that opens a data directory writes `concord.lock` in it, naming its pid (src/db/data-dir-lock.ts
 * on the branch that adds the lock). Backup and restore read it and refuse while that process runs:
 * copying or replacing the files under a live server would give a torn copy or a corrupted server.
 */
export const lockFileName = 'concord.lock';

export function refuseIfHeld(dataDir: string, doing: string): void {
  let holder: { pid?: unknown; holder?: unknown };
  try {
    holder = JSON.parse(readFileSync(join(dataDir, lockFileName), 'utf8')) as typeof holder;
  } catch {
    return; // no lock (or an unreadable one): nobody holds the directory
  }
  if (typeof holder.pid !== 'number' || !isRunning(holder.pid)) return; // stale: its process is gone
  const who = holder.holder === 'server' ? 'the server' : 'another concord process';
  throw new DomainError(
    'conflict',
    'database.locked',
    `${who} (pid ${holder.pid}) holds ${dataDir}; stop it before you ${doing}`,
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM'; // alive, but another user's process
  }
}
