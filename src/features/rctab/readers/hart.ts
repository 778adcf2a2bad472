/**
 * Hart: a folder of XML files, one ballot each (HartCvrReader). An option's Value is a string of
 * 0/1 digits, one per rank.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RctabCvr, UWI_LABEL } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { CvrReadError, toRankings } from './reader.ts';
import { child, children, parseXml, textOf } from './xml.ts';

export async function readHart(path: string, source: CvrSourceConfig): Promise<RctabCvr[]> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch {
    throw new CvrReadError(path, ['not a folder of Hart XML files']);
  }
  const files = names.filter((name) => /xml$/i.test(name) && !/\.sig\.xml$/i.test(name)).sort();
  const cvrs: RctabCvr[] = [];
  for (const name of files) {
    const root = child(parseXml(await readFile(join(path, name), 'utf8')), 'Cvr');
    if (!root) throw new CvrReadError(join(path, name), ['no <Cvr> element']);
    for (const contest of children(child(root, 'Contests'), 'Contest')) {
      if (textOf(contest, 'Id') !== source.contestId) continue;
      const ranked: Array<[number, string]> = [];
      for (const option of children(child(contest, 'Options'), 'Option')) {
        const id = textOf(option, 'Id') ?? '';
        const code = id === source.undeclaredWriteInLabel ? UWI_LABEL : id;
        const marks = textOf(option, 'Value') ?? '';
        for (let rank = 1; rank <= marks.length; rank++)
          if (marks[rank - 1] === '1') ranked.push([rank, code]);
      }
      const split = child(root, 'PrecinctSplit');
      cvrs.push({
        id: textOf(root, 'CvrGuid') ?? name,
        suppliedId: textOf(root, 'CvrGuid'),
        contestId: source.contestId,
        tabulatorId: null,
        precinct: textOf(split, 'Name'),
        precinctPortion: textOf(split, 'Id'),
        batch: textOf(root, 'BatchNumber'),
        rankings: toRankings(ranked),
      });
    }
  }
  return cvrs;
}
