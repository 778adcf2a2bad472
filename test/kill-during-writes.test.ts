import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type ServerProcess, startServer } from './helpers/server-process.ts';

/**
 * kill -9 in the middle of a stream of writes on embedded PGlite: after a restart every write the
 * server acknowledged is there, nothing half-written is, and the audit chain still verifies.
 */
describe('kill -9 during writes (embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-kill-'));
  const env = { CONCORD_DATA_DIR: dataDir, DATABASE_URL: undefined };
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and a valid audit chain', async () => {
    const staff = { email: 'staff@kill.example', password: 'a long enough password' };
    expect((await runCli(['coalition', 'create', '--slug', 'kill', '--name', 'Kill Test'], env)).code).toBe(
      0,
    );
    const created = await runCli(
      [
        'user',
        'create',
        '--email',
        staff.email,
        '--coalition',
        'kill',
        '--role',
        'secretariat',
        '--password',
        staff.password,
      ],
      env,
    );
    expect(created.code).toBe(0);

    server = await startServer(env);
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(staff),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };

    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const name = `Applicant ${worker}-${i}`;
        try {
          const response = await fetch(`${server?.url}/api/organizations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ name, kind: 'movement' }),
          });
          if (response.status === 201 || response.status === 200) acknowledged.push(name);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(writers);
    server = undefined;
    expect(acknowledged.length).toBeGreaterThan(0);

    const listed = await runCli(['org', 'list', '--coalition', 'kill', '--json'], env);
    expect(listed.code).toBe(0);
    const names = new Set((JSON.parse(listed.stdout) as { name: string }[]).map((org) => org.name));
    for (const name of acknowledged) expect(names.has(name), name).toBe(true);

    const verified = await runCli(['audit', 'verify', '--coalition', 'kill', '--json'], env);
    expect(verified.code).toBe(0);
    // Every organization on record has its audit event, and no event names one that is missing.
    const events = await runCli(['audit', 'export', '--coalition', 'kill'], env);
    const recorded = events.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; payload: { name?: string } })
      .filter((event) => event.action === 'organization.applied')
      .map((event) => event.payload.name);
    expect(new Set(recorded)).toEqual(names);
  }, 240_000);
});
