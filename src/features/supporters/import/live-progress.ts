/**
 * The imports this process is running, with their latest progress, in memory. On embedded PGlite
 * the import's transaction holds the only connection until it commits, so a status read that went
 * to the table would wait for the end; the status route reads this first, and falls back to the
 * table (`people_import_progress`, which other servers on PostgreSQL write and read) when the
 * import is not running here. Entries carry the owner so the read checks it as the table would.
 */
export interface LiveImport {
  coalitionId: string;
  organizationId: string;
  fileName: string;
  fileBytes: number;
  createdAt: Date;
  rows: number;
  bytes: number;
}

const running = new Map<string, LiveImport>();

export function startLiveImport(id: string, entry: Omit<LiveImport, 'rows' | 'bytes'>): void {
  running.set(id, { ...entry, rows: 0, bytes: 0 });
}

export function updateLiveImport(id: string, progress: { rows: number; bytes: number }): void {
  const entry = running.get(id);
  if (entry) Object.assign(entry, progress);
}

/** Called once the import's transaction has ended (committed or not): the table is current again. */
export function endLiveImport(id: string): void {
  running.delete(id);
}

export function liveImport(id: string): Readonly<LiveImport> | undefined {
  return running.get(id);
}
