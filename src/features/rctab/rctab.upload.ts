/**
 * An RCTab config and its cast vote record files sent over HTTP: the files are streamed to a private
 * temporary folder (never held in memory), each source path of the config is pointed at the uploaded
 * file or folder of the same name, and the count runs there. The folder is removed afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../../core/errors.ts';
import type { RoundTally } from '../../core/rctab/round-tally.ts';
import type { TiebreakQuestion } from '../../core/rctab/types.ts';
import type { RctabCountResult } from './rctab.schema.ts';
import { countRctab } from './rctab.service.ts';

export interface UploadedFile {
  /** The name the browser sent: a file name, or a path inside a chosen folder. */
  name: string;
  stream: Readable;
}

export class RctabWorkspace {
  private readonly files: string[] = [];

  private constructor(readonly dir: string) {}

  static async open(): Promise<RctabWorkspace> {
    return new RctabWorkspace(await mkdtemp(join(tmpdir(), 'concord-rctab-upload-')));
  }

  /** Stores one file; answers its size in bytes. */
  async addFile(file: UploadedFile): Promise<number> {
    const relative = safeRelativePath(file.name);
    const target = join(this.dir, 'files', relative);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(file.stream, createWriteStream(target, { flags: 'wx' }));
    this.files.push(relative);
    return (await stat(target)).size;
  }

  async addConfig(stream: Readable): Promise<number> {
    const target = join(this.dir, 'config.uploaded.json');
    await pipeline(stream, createWriteStream(target));
    return (await stat(target)).size;
  }

  /** Runs the count on the uploaded config with its sources pointed at the uploaded files. */
  async count(tiebreakAnswers: string[]): Promise<RctabCountResult> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(this.dir, 'config.uploaded.json'), 'utf8'));
    } catch {
      throw invalid('rctab.config_invalid', 'The config is missing or is not valid JSON.');
    }
    await this.pointSourcesAtUploads(raw);
    const configPath = join(this.dir, 'config.json');
    await writeFile(configPath, JSON.stringify(raw));
    const answers = [...tiebreakAnswers];
    const run = await countRctab(configPath, {
      outDir: join(this.dir, 'out'),
      askTiebreak: (question: TiebreakQuestion) => {
        const answer = answers.shift();
        if (answer === undefined) {
          throw invalid(
            'rctab.tiebreak_needed',
            `Tie in round ${question.round} among ${question.candidates.join(', ')}: give the operator's answer.`,
            { round: question.round, candidates: [...question.candidates] },
          );
        }
        return answer;
      },
    });
    const passes = await Promise.all(
      run.passes.map(async (pass) => {
        const json = pass.files.find(
          (file) => file.endsWith('detailed_report.json') && !file.includes('Tabulate by'),
        ) as string;
        const csv = pass.files.find(
          (file) => file.endsWith('detailed_report.csv') && !file.includes('Tabulate by'),
        ) as string;
        return {
          winners: pass.winners,
          rounds: pass.result.rounds.map((tally, index) =>
            roundSummary(tally, index + 1, pass.result.decisions),
          ),
          reports: { json: await readFile(json, 'utf8'), csv: await readFile(csv, 'utf8') },
        };
      }),
    );
    return { contest: run.config.contestName, winners: run.passes.at(-1)?.winners ?? [], passes };
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  private async pointSourcesAtUploads(raw: unknown): Promise<void> {
    if (typeof raw !== 'object' || raw === null) return;
    const sources = (raw as { cvrFileSources?: unknown }).cvrFileSources;
    if (!Array.isArray(sources)) return;
    for (const source of sources) {
      if (typeof source !== 'object' || source === null) continue;
      const path = (source as { filePath?: unknown }).filePath;
      if (typeof path !== 'string' || path === '') continue;
      const found = await this.findUpload(path);
      if (found) (source as { filePath: string }).filePath = found;
    }
  }

  /** The uploaded file or folder a config path names: same relative path, else same last name. */
  private async findUpload(path: string): Promise<string | null> {
    const wanted = path
      .replaceAll('\\', '/')
      .split('/')
      .filter((part) => part !== '' && part !== '.' && part !== '..');
    const name = wanted.at(-1);
    if (!name) return null;
    const root = join(this.dir, 'files');
    const exact = wanted.join('/');
    if (this.files.includes(exact)) return join(root, exact);
    const file = this.files.find((relative) => basename(relative) === name);
    if (file) return join(root, file);
    const folder = this.files
      .map((relative) => relative.split('/'))
      .find((parts) => parts.slice(0, -1).includes(name));
    if (folder) {
      const candidate = join(root, ...folder.slice(0, folder.indexOf(name) + 1));
      if ((await stat(candidate)).isDirectory()) return candidate;
    }
    return null;
  }
}

/** A browser-sent name made safe as a path under the workspace (no "..", no absolute paths). */
export function safeRelativePath(name: string): string {
  const parts = name
    .replaceAll('\\', '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..' || part.includes('\0'))) {
    throw invalid('rctab.file_name_invalid', `Cannot accept a file named "${name}".`, { name });
  }
  return parts.join('/');
}

function roundSummary(
  tally: RoundTally,
  round: number,
  decisions: ReadonlyMap<number, ReadonlyArray<{ candidate: string; kind: string }>>,
) {
  const decided = decisions.get(round) ?? [];
  return {
    round,
    tallies: Object.fromEntries(
      tally.candidates().map((candidate) => [candidate, tally.tallyOf(candidate).toString()]),
    ),
    threshold: tally.threshold.toString(),
    exhausted: tally.inactiveSum().toString(),
    elected: decided.filter((d) => d.kind === 'elected').map((d) => d.candidate),
    eliminated: decided.filter((d) => d.kind === 'eliminated').map((d) => d.candidate),
  };
}
