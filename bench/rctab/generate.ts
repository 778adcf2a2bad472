/**
 * Seeded synthetic cast vote records in two vendors' formats, from the same ballots as the
 * tabulation benchmark (bench/tabulate/generate.ts): an ES&S .xlsx (id, then one column per rank)
 * written with exceljs's streaming writer, and a NIST CDF JSON report.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from '@protobi/exceljs';
import { type BallotFileSpec, candidateName, syntheticRankings } from '../tabulate/generate.ts';

export async function writeEssXlsx(path: string, spec: BallotFileSpec): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('CVR');
  sheet
    .addRow(['Cast Vote Record', ...Array.from({ length: spec.maxRanks }, (_, i) => `Choice ${i + 1}`)])
    .commit();
  let id = 0;
  for (const ranking of syntheticRankings(spec)) {
    id += 1;
    const cells: string[] = ranking.map(candidateName);
    while (cells.length < spec.maxRanks) cells.push('undervote');
    sheet.addRow([id, ...cells]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export async function writeCdfJson(path: string, spec: BallotFileSpec): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const names = Array.from({ length: spec.candidates }, (_, i) => candidateName(i));
  await write(
    '{"@type":"CVR.CastVoteRecordReport","GpUnit":[{"@id":"gpu-1","Name":"Generated","Type":"other"}],',
  );
  await write(
    `"Election":[{"@id":"election-1","Candidate":[${names.map((n) => `{"@id":"c-${n}","Name":"${n}"}`).join(',')}],` +
      `"Contest":[{"@id":"contest-1","Name":"Generated contest","ContestSelection":[${names
        .map((n) => `{"@id":"cs-${n}","CandidateIds":["c-${n}"]}`)
        .join(',')}]}]}],"CVR":[`,
  );
  let id = 0;
  for (const ranking of syntheticRankings(spec)) {
    id += 1;
    const selections = ranking
      .map(
        (candidate, rank) =>
          `{"ContestSelectionId":"cs-${candidateName(candidate)}","SelectionPosition":[{"Rank":${rank + 1},"HasIndication":"yes","IsAllocable":"yes"}]}`,
      )
      .join(',');
    await write(
      `${id > 1 ? ',' : ''}{"BallotPrePrintedId":"${id}","CurrentSnapshotId":"s-${id}","CVRSnapshot":[{"@id":"s-${id}","CVRContest":[{"ContestId":"contest-1","CVRContestSelection":[${selections}]}]}]}`,
    );
  }
  await write(']}');
  out.end();
  await once(out, 'finish');
}
