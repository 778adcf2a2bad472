/**
 * The data the people-search bench reads: BENCH_ROWS synthetic people imported (through the real
 * CSV import) into one member, 5,000 into a second member of the same coalition (so that every
 * query's owner filter has something to exclude), and planted duplicates for the candidate finder.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../../src/core/actor.ts';
import { searchText } from '../../src/core/people/normalize.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { importPeople } from '../../src/features/supporters/import/import.service.ts';
import { insertPeople, type NewPerson, type Scope } from '../../src/features/supporters/people.repository.ts';
import { member, writeCsv } from '../supporters/fixture.ts';

export interface Members {
  big: Actor;
  small: Actor;
}

export function scopeOf(actor: Actor): Scope {
  if (!actor.organizationId) throw new Error('a member actor has an organization');
  return { coalitionId: actor.coalitionId, organizationId: actor.organizationId };
}

export const plantedPairs = { email: 100, phone: 100, nameAddress: 100 };

async function actorOf(handle: DatabaseHandle, slug: string): Promise<Actor | null> {
  const row = await handle.db
    .selectFrom('organizations')
    .innerJoin('coalitions', 'coalitions.id', 'organizations.coalition_id')
    .select(['organizations.id as organizationId', 'coalitions.id as coalitionId'])
    .where('coalitions.slug', '=', slug)
    .executeTakeFirst();
  const user = await handle.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `${slug}@bench.example`)
    .executeTakeFirst();
  if (!row || !user) return null;
  return {
    userId: user.id,
    coalitionId: row.coalitionId,
    organizationId: row.organizationId,
    role: 'delegate',
  };
}

async function importInto(handle: DatabaseHandle, actor: Actor, count: number, offset: number) {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-search-'));
  try {
    const file = join(dir, 'people.csv');
    await writeCsv(file, count, offset);
    const report = await importPeople(handle.db, actor, createReadStream(file), {
      fileName: 'people.csv',
      dryRun: false,
    });
    if (report.errorCount > 0) throw new Error(`import refused: ${report.errorCount} row errors`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs that look like one person: a shared email, a shared phone, a close name at one postal code. */
function plantedDuplicates(): NewPerson[] {
  const base = (first: string, last: string, extra: Partial<NewPerson>): NewPerson => ({
    first_name: first,
    last_name: last,
    search_text: searchText({ firstName: first, lastName: last }),
    custom: '{}',
    ...extra,
  });
  const out: NewPerson[] = [];
  for (let i = 0; i < plantedPairs.email; i += 1) {
    const email = `twin.${i}@example.org`;
    out.push(
      base('Twin', `Mailer${i}`, { emails: [email] }),
      base('Twinn', `Mailer${i}`, { emails: [email] }),
    );
  }
  for (let i = 0; i < plantedPairs.phone; i += 1) {
    // Ofcom's drama range (020 7946 0xxx): no synthetic person has it.
    const phone = `+44207946${String(i).padStart(4, '0')}`;
    out.push(base('Echo', `Caller${i}`, { phones: [phone] }), base('Eko', `Caller${i}`, { phones: [phone] }));
  }
  for (let i = 0; i < plantedPairs.nameAddress; i += 1) {
    const postal = String(48000 + i);
    out.push(
      base('Marigold', `Quenby${i}`, { postal_code: postal, address_line1: `${i} Elm Street` }),
      base('Marigold', `Quenbey${i}`, { postal_code: postal, address_line1: `${i} Elm St` }),
    );
  }
  return out;
}

/** The bench's members, loading them first unless a kept database already holds them. */
export async function loadPeople(
  handle: DatabaseHandle,
  rows: number,
): Promise<Members & { loaded: boolean }> {
  const big = await actorOf(handle, 'search-big');
  const small = await actorOf(handle, 'search-small');
  if (big && small) return { big, small, loaded: false };
  const bigActor = await member(handle, 'search-big');
  await importInto(handle, bigActor, rows, 0);
  const smallActor = await member(handle, 'search-small');
  // Same coalition as the big member would be truer; a second coalition is what member() makes,
  // and either way the owner filter has 5,000 rows to exclude.
  await importInto(handle, smallActor, 5_000, rows);
  await insertPeople(handle.db, scopeOf(bigActor), plantedDuplicates());
  await sql`vacuum analyze people`.execute(handle.db);
  return { big: bigActor, small: smallActor, loaded: true };
}
