import type { Kysely } from 'kysely';
import type { AccountsTables } from './tables/accounts.ts';
import type { GovernanceTables } from './tables/governance.ts';
import type { JobTables } from './tables/jobs.ts';
import type { MapTables } from './tables/map.ts';
import type { PactTables } from './tables/pacts.ts';
import type { PeopleImportTables } from './tables/people-imports.ts';
import type { PetitionTables } from './tables/petitions.ts';
import type { SupportersTables } from './tables/supporters.ts';
import type { TicketTables } from './tables/tickets.ts';

/** Every table, composed from one file per area in src/db/tables/. */
export interface Database
  extends AccountsTables,
    GovernanceTables,
    JobTables,
    MapTables,
    PactTables,
    PeopleImportTables,
    PetitionTables,
    SupportersTables,
    TicketTables {}

/** What services and repositories take first: the database or an open transaction (a Transaction is a Kysely). */
export type Db = Kysely<Database>;
