import { invalid } from '../../../core/errors.ts';

/** One thing wrong with an import file: where (file, row, field) and why. */
export interface ImportProblem {
  file: string;
  /** CSV: the spreadsheet row (header = 1). GeoJSON/TopoJSON: the feature number (first = 1). */
  row: number | null;
  field: string | null;
  reason: string;
}

/** Problems listed in an error: enough to fix a file in one pass, not a flood. */
export const maxListedProblems = 100;

/** Collects every problem of a file; the import proceeds only when there is none. */
export class Problems {
  readonly list: ImportProblem[] = [];

  constructor(readonly file: string) {}

  add(row: number | null, field: string | null, reason: string): void {
    this.list.push({ file: this.file, row, field, reason });
  }

  get count(): number {
    return this.list.length;
  }

  /** Throws `import.invalid` (400) naming the problems, when there are any. Nothing was written. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, maxListedProblems);
    const first = shown[0];
    throw invalid(
      'import.invalid',
      `${this.file}: ${this.list.length} problem(s), nothing imported${first ? `; first: ${formatProblem(first)}` : ''}`,
      {
        file: this.file,
        total: this.list.length,
        problems: shown,
        truncated: this.list.length > shown.length,
      },
    );
  }
}

export function formatProblem(problem: ImportProblem): string {
  const where = [problem.row === null ? null : `row ${problem.row}`, problem.field]
    .filter(Boolean)
    .join(', ');
  return `${problem.file}${where ? ` (${where})` : ''}: ${problem.reason}`;
}
