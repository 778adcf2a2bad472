import { readFile } from 'node:fs/promises';
import { type BallotAccessRow, readFusionRule, type StateFusionRule } from '../../core/tickets/fusion.ts';
import { dataDir, readCsv } from '../map/index.ts';

/**
 * The shipped `us-ballot-access` table (data/us-ballot-access/, compiled by hand with a source and
 * date per row): read once per process, the fusion law and retention rule of every state.
 */
export const ballotAccessFile = 'us-ballot-access/us_ballot_access.csv';

export interface BallotAccess {
  rows: ReadonlyMap<string, BallotAccessRow>;
  fusion: ReadonlyMap<string, StateFusionRule>;
}

export function parseBallotAccess(text: string, file = ballotAccessFile): BallotAccess {
  const table = readCsv(text, {
    file,
    required: ['state_po', 'state', 'fusion', 'fusion_notes', 'retention_rule', 'source', 'as_of'],
  });
  const rows = new Map<string, BallotAccessRow>();
  for (const { values } of table.rows) {
    const statePo = values.state_po ?? '';
    rows.set(statePo, {
      statePo,
      state: values.state ?? statePo,
      fusion: values.fusion ?? '',
      fusionNotes: values.fusion_notes ?? '',
      retentionRule: values.retention_rule ?? '',
      source: values.source ?? '',
      asOf: values.as_of ?? '',
    });
  }
  return { rows, fusion: new Map([...rows].map(([po, row]) => [po, readFusionRule(row)])) };
}

let loaded: Promise<BallotAccess> | null = null;

export function loadBallotAccess(): Promise<BallotAccess> {
  loaded ??= readFile(`${dataDir}${ballotAccessFile}`, 'utf8').then((text) => parseBallotAccess(text));
  return loaded;
}
