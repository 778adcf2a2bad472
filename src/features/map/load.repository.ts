import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  ElectionsTable,
  JurisdictionsTable,
  RacesTable,
  ReferenceDatasetIssuesTable,
  ReferenceDatasetsTable,
  ResultSetsTable,
  ResultUnitsTable,
  ResultVotesTable,
} from '../../db/tables/map.ts';
import type { MaterializedRows } from './datasets/materialize.ts';

/**
 * Writes of the reference-data loader: multi-row inserts in batches. Each batch binds one array per
 * column and inserts `select * from unnest(...)`, so a batch of 5,000 rows is one statement with a
 * handful of parameters: about twice as fast as `values (...), (...)` on PGlite, which parses and
 * binds every parameter in one thread.
 */
const batchSize = 5000;

type Column<Row> = readonly [name: keyof Row & string, type: string];

/** `select * from unnest($1::uuid[], $2::text[], …)` over the given rows' columns. */
function unnestRows<Row>(columns: readonly Column<Row>[], rows: readonly Row[]) {
  return sql`select * from unnest(${sql.join(
    columns.map(([name, type]) => sql`${rows.map((row) => row[name] ?? null)}::${sql.raw(type)}[]`),
  )})`;
}

const names = <Row>(columns: readonly Column<Row>[]) => columns.map(([name]) => name);

export type OnRows = (table: string, rows: number) => void;

async function inBatches<T>(
  rows: readonly T[],
  table: string,
  onRows: OnRows | undefined,
  write: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const chunk = rows.slice(start, start + batchSize);
    await write(chunk);
    onRows?.(table, chunk.length);
  }
}

export function listDatasetFingerprints(db: Db) {
  return db.selectFrom('reference_datasets').select(['id', 'fingerprint']).execute();
}

export function upsertDataset(db: Db, row: Insertable<ReferenceDatasetsTable>) {
  return db
    .insertInto('reference_datasets')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        title: row.title,
        fingerprint: row.fingerprint,
        counts: row.counts,
        loaded_at: sql`now()`,
      }),
    )
    .execute();
}

/** Drops a dataset's result sets (their units and votes go with them) and its issues. */
export async function clearDataset(db: Db, datasetId: string): Promise<void> {
  await db.deleteFrom('result_sets').where('dataset_id', '=', datasetId).execute();
  await db.deleteFrom('reference_dataset_issues').where('dataset_id', '=', datasetId).execute();
}

export async function insertIssues(
  db: Db,
  issues: Insertable<ReferenceDatasetIssuesTable>[],
  onRows?: OnRows,
): Promise<void> {
  await inBatches(issues, 'issues', onRows, (chunk) =>
    db.insertInto('reference_dataset_issues').values(chunk).execute(),
  );
}

const jurisdictionColumns: readonly Column<Insertable<JurisdictionsTable>>[] = [
  ['id', 'uuid'],
  ['coalition_id', 'uuid'],
  ['kind', 'text'],
  ['code', 'text'],
  ['name', 'text'],
  ['parent_id', 'uuid'],
  ['country', 'text'],
  ['abbr', 'text'],
  ['geometry', 'jsonb'],
];
const electionColumns: readonly Column<Insertable<ElectionsTable>>[] = [
  ['id', 'uuid'],
  ['coalition_id', 'uuid'],
  ['slug', 'text'],
  ['name', 'text'],
  ['country', 'text'],
  ['election_date', 'date'],
];
const raceColumns: readonly Column<Insertable<RacesTable>>[] = [
  ['id', 'uuid'],
  ['coalition_id', 'uuid'],
  ['election_id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['office', 'text'],
  ['stage', 'text'],
  ['name', 'text'],
  ['seats', 'int4'],
  ['filing_deadline', 'date'],
];
const resultSetColumns: readonly Column<Insertable<ResultSetsTable>>[] = [
  ['id', 'uuid'],
  ['coalition_id', 'uuid'],
  ['slug', 'text'],
  ['name', 'text'],
  ['dataset_id', 'text'],
  ['election_id', 'uuid'],
  ['office', 'text'],
  ['unit_kind', 'text'],
  ['measure', 'text'],
];
export const unitColumns: readonly Column<Insertable<ResultUnitsTable>>[] = [
  ['result_set_id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['coalition_id', 'uuid'],
  ['race_id', 'uuid'],
  ['total_votes', 'int8'],
  ['invalid_votes', 'int8'],
  ['registered', 'int8'],
  ['published_lean', 'float8'],
];
export const voteColumns: readonly Column<Insertable<ResultVotesTable>>[] = [
  ['result_set_id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['coalition_id', 'uuid'],
  ['candidate', 'text'],
  ['line', 'text'],
  ['party', 'text'],
  ['votes', 'int8'],
  ['outcome', 'text'],
];

/** A whole bundle's rows: catalog upserts, then units and votes (their sets were cleared first). */
export async function writeRows(db: Db, rows: MaterializedRows, onRows?: OnRows): Promise<void> {
  await upsertCatalog(db, rows, onRows);
  await insertUnits(db, rows.units, onRows);
  await insertVotes(db, rows.votes, onRows);
}

/**
 * Jurisdictions, elections, races and result sets: inserts new rows and updates only the ones
 * whose values differ, so writing the same rows twice changes nothing. Ids are stable (ids.ts), so
 * the conflict target is always the primary key.
 */
export async function upsertCatalog(
  db: Db,
  rows: Pick<MaterializedRows, 'jurisdictions' | 'elections' | 'races' | 'resultSets'>,
  onRows?: OnRows,
): Promise<void> {
  await inBatches(rows.jurisdictions, 'jurisdictions', onRows, (chunk) =>
    db
      .insertInto('jurisdictions')
      .columns(names(jurisdictionColumns))
      .expression(unnestRows(jurisdictionColumns, chunk))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            parent_id: eb.ref('excluded.parent_id'),
            abbr: eb.ref('excluded.abbr'),
            geometry: eb.ref('excluded.geometry'),
          }))
          .where(
            sql<boolean>`(jurisdictions.name, jurisdictions.parent_id, jurisdictions.abbr, jurisdictions.geometry)
              is distinct from (excluded.name, excluded.parent_id, excluded.abbr, excluded.geometry)`,
          ),
      )
      .execute(),
  );
  await inBatches(rows.elections, 'elections', onRows, (chunk) =>
    db
      .insertInto('elections')
      .columns(names(electionColumns))
      .expression(unnestRows(electionColumns, chunk))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            election_date: eb.ref('excluded.election_date'),
          }))
          .where(
            sql<boolean>`(elections.name, elections.election_date) is distinct from (excluded.name, excluded.election_date)`,
          ),
      )
      .execute(),
  );
  await inBatches(rows.races, 'races', onRows, (chunk) =>
    db
      .insertInto('races')
      .columns(names(raceColumns))
      .expression(unnestRows(raceColumns, chunk))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            seats: eb.ref('excluded.seats'),
            filing_deadline: eb.ref('excluded.filing_deadline'),
          }))
          .where(
            sql<boolean>`(races.name, races.seats, races.filing_deadline)
              is distinct from (excluded.name, excluded.seats, excluded.filing_deadline)`,
          ),
      )
      .execute(),
  );
  await inBatches(rows.resultSets, 'result sets', onRows, (chunk) =>
    db
      .insertInto('result_sets')
      .columns(names(resultSetColumns))
      .expression(unnestRows(resultSetColumns, chunk))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          dataset_id: eb.ref('excluded.dataset_id'),
        })),
      )
      .execute(),
  );
}

export function insertUnits(db: Db, units: readonly Insertable<ResultUnitsTable>[], onRows?: OnRows) {
  return inBatches(units, 'units', onRows, (chunk) =>
    db
      .insertInto('result_units')
      .columns(names(unitColumns))
      .expression(unnestRows(unitColumns, chunk))
      .execute(),
  );
}

export function insertVotes(db: Db, votes: readonly Insertable<ResultVotesTable>[], onRows?: OnRows) {
  return inBatches(votes, 'votes', onRows, (chunk) =>
    db
      .insertInto('result_votes')
      .columns(names(voteColumns))
      .expression(unnestRows(voteColumns, chunk))
      .execute(),
  );
}
