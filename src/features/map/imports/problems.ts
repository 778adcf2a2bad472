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

/**
 * Collects the problems of a file; the import proceeds only when there is none. Every problem is
 * counted, but only the first ones are kept: a million bad rows must not take a million objects.
 */
export class Problems {
  readonly list: ImportProblem[] = [];
  #count = 0;

  constructor(readonly file: string) {}

  add(row: number | null, field: string | null, reason: string): void {
    this.#count += 1;
    if (this.list.length < maxListedProblems) this.list.push({ file: this.file, row, field, reason });
  }

  get count(): number {
    return this.#count;
  }

  /** Throws `import.invalid` (400) naming the problems, when there are any. Nothing was written. */
  throwIfAny(): void {
    if (this.#count === 0) return;
    const shown = this.list;
    const first = shown[0];
    throw invalid(
      'import.invalid',
      `${this.file}: ${this.#count} problem(s), nothing imported${first ? `; first: ${formatProblem(first)}` : ''}`,
      {
        file: this.file,
        total: this.#count,
        problems: shown,
        truncated: this.#count > shown.length,
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
