import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a LISTEN subscriber hears: each payload, and whether notifications can currently be missed. */
export interface ChangeListener {
  onChange(payload: string): void;
  /** false while the listening connection is down (notifications are being missed), true once back. */
  onListening(listening: boolean): void;
}

/** Subscribes to a NOTIFY channel; resolves to the function that stops listening. */
export type Listen = (channel: string, listener: ChangeListener) => Promise<() => Promise<void>>;

const reconnectMs = 1_000;

/**
 * PostgreSQL: one dedicated connection per server process (a pooled connection cannot keep a LISTEN),
 * reconnected every second while the server is unreachable. The channel is a fixed identifier of ours.
 */
export function listenPostgres(url: string): Listen {
  return async (channel, listener) => {
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const schedule = () => {
      if (stopped) return;
      retry = setTimeout(() => void start(), reconnectMs);
      retry.unref();
    };
    const start = async () => {
      const candidate = new pg.Client({ connectionString: url });
      candidate.on('notification', (message) => {
        if (message.channel === channel) listener.onChange(message.payload ?? '');
      });
      // A lost connection ends the client; 'end' below reconnects.
      candidate.on('error', () => {});
      candidate.on('end', () => {
        if (client !== candidate) return;
        client = undefined;
        listener.onListening(false);
        schedule();
      });
      try {
        await candidate.connect();
        await candidate.query(`LISTEN ${channel}`);
        if (stopped) {
          await candidate.end();
          return;
        }
        client = candidate;
        listener.onListening(true);
      } catch {
        candidate.end().catch(() => {});
        listener.onListening(false);
        schedule();
      }
    };
    await start();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end();
    };
  };
}

/** PGlite: one process holds the database, and NOTIFY reaches its own listeners. */
export function listenPglite(pglite: PGlite): Listen {
  return async (channel, listener) => {
    const unlisten = await pglite.listen(channel, (payload) => listener.onChange(payload));
    listener.onListening(true);
    return () => unlisten();
  };
}
