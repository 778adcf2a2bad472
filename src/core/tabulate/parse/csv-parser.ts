import { invalid } from '../../errors.ts';
import { type BallotStoreBuilder, type ExactWeight, FNV_OFFSET, FNV_PRIME } from '../ballot-store.ts';
import type { CandidateRegistry } from '../candidate-registry.ts';
import { type CsvLayout, readCsvHeader } from './csv-header.ts';
import { isBlankChar, pushRankCell, trimmedRange } from './rank-cell.ts';
import { readWeight, unitWeight } from './weight.ts';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const EQUALS = 61;
const SPACE = 32;
const TAB = 9;
/** One ballot row can never need more than this; beyond it the file is not a ballot file. */
const maxRowLength = 1 << 20;

/** What an ASCII character means inside an unquoted cell: one table load per character. */
const ORDINARY = 0;
const ENDS_CELL = 1;
const IS_QUOTE = 2;
const NOT_PLAIN = 3;
const charKind = new Uint8Array(128);
for (const code of [COMMA, LF, CR]) charKind[code] = ENDS_CELL;
charKind[QUOTE] = IS_QUOTE;
for (const code of [EQUALS, SPACE, TAB]) charKind[code] = NOT_PLAIN;

const incomplete = -1;
const unquoted = -2;

/** Where a quoted cell's opening quote is (blanks before it are allowed), or `unquoted`. */
function quoteStart(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && isBlankChar(text.charCodeAt(at))) at++;
  if (at === text.length) return at === pos ? unquoted : incomplete;
  return text.charCodeAt(at) === QUOTE ? at : unquoted;
}

/**
 * Incremental CSV ballot reader (RFC 4180 quoting, LF/CRLF/CR line ends). Feed it text chunks of
 * any size with `push`; only the unfinished last row of a chunk is kept between calls, so memory
 * is the ballot store plus one chunk. `row` in errors is the 1-based record number (the header is
 * row 1; empty lines count, so it is the line number unless a quoted cell spans lines).
 */
export class CsvBallotParser {
  private pending = '';
  private rowsRead = 0;
  private layout: CsvLayout | null = null;
  private headerCells: string[] = [];
  private started = false;
  private column = 0;
  private weight: ExactWeight = unitWeight;

  constructor(
    private readonly registry: CandidateRegistry,
    private readonly builder: BallotStoreBuilder,
  ) {}

  push(chunk: string): void {
    let text = this.pending.length === 0 ? chunk : this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    const consumed = this.scan(text, false);
    this.pending = consumed === text.length ? '' : text.slice(consumed);
    if (this.pending.length > maxRowLength) {
      throw invalid('ballot.row_too_long', `row ${this.rowsRead + 1} is longer than 1 MiB`, {
        row: this.rowsRead + 1,
        reason: 'row too long (an unclosed quote?)',
      });
    }
  }

  /** Reads the last row; throws when the input held no header. */
  end(): CsvLayout {
    this.scan(this.pending, true);
    this.pending = '';
    if (this.layout === null) {
      throw invalid('ballot.empty_file', 'the ballot file is empty (no header row)', { reason: 'no header' });
    }
    return this.layout;
  }

  /** Consumes every complete record of `text`; returns how many characters that was. */
  private scan(text: string, final: boolean): number {
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      const first = text.charCodeAt(pos);
      if (first === LF || first === CR) {
        if (first === CR && pos + 1 === length && !final) return pos;
        pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        this.rowsRead += 1;
        continue;
      }
      const next = this.scanRecord(text, pos, final);
      if (next === incomplete) return pos;
      pos = next;
      this.rowsRead += 1;
    }
    return pos;
  }

  /** Reads one record starting at `pos`; returns the position after its line end, or `incomplete`. */
  private scanRecord(text: string, start: number, final: boolean): number {
    const length = text.length;
    const row = this.rowsRead + 1;
    this.column = 0;
    this.weight = unitWeight;
    this.headerCells = [];
    this.builder.beginBallot();
    let pos = start;
    for (;;) {
      const first = pos < length ? text.charCodeAt(pos) : -1;
      const quoteAt =
        first === QUOTE ? pos : first === SPACE || first === TAB ? quoteStart(text, pos) : unquoted;
      if (quoteAt === incomplete && !final) return incomplete;
      if (quoteAt >= 0) {
        const quoted = this.readQuoted(text, quoteAt, final, row);
        if (quoted === null) return incomplete;
        this.takeCell(quoted.value, 0, quoted.value.length, row);
        pos = quoted.end;
      } else {
        // Hot path: one pass finds the cell's end and hashes it for the candidate lookup.
        const cellStart = pos;
        let hash = FNV_OFFSET;
        let plain = true;
        for (; pos < length; pos++) {
          const code = text.charCodeAt(pos);
          const kind = code < 128 ? (charKind[code] as number) : ORDINARY;
          if (kind !== ORDINARY) {
            if (kind === ENDS_CELL) break;
            if (kind === IS_QUOTE)
              throw this.error('ballot.malformed_csv', row, 'a quote inside an unquoted cell');
            plain = false;
          }
          hash = Math.imul(hash ^ code, FNV_PRIME);
        }
        if (pos === length && !final) return incomplete;
        if (!(plain && this.takePlainRank(text, cellStart, pos, hash >>> 0)))
          this.takeCell(text, cellStart, pos, row);
      }
      if (pos === length) break;
      const terminator = text.charCodeAt(pos);
      if (terminator === COMMA) {
        pos += 1;
        continue;
      }
      if (terminator === CR && pos + 1 === length && !final) return incomplete;
      pos += terminator === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      break;
    }
    this.finishRecord(row);
    return pos;
  }

  /** A rank cell holding one known name or nothing, without blanks or "=": false if not that case. */
  private takePlainRank(text: string, start: number, end: number, hash: number): boolean {
    const layout = this.layout;
    if (layout === null || this.column === layout.weightColumn || this.column >= layout.names.length)
      return false;
    if (start === end) {
      this.builder.pushBlank();
    } else {
      const candidate = this.registry.findHashed(text, start, end, hash);
      if (candidate < 0) return false;
      this.builder.pushCandidate(candidate);
    }
    this.column += 1;
    return true;
  }

  private takeCell(text: string, start: number, end: number, row: number): void {
    const column = this.column++;
    const layout = this.layout;
    if (layout === null) {
      this.headerCells.push(text.slice(start, end));
      return;
    }
    if (column >= layout.names.length) {
      throw this.error(
        'ballot.column_count',
        row,
        `more cells than the ${layout.names.length} header columns`,
      );
    }
    if (column === layout.weightColumn) {
      const reading = readWeight(text, ...trimmedRange(text, start, end));
      if (!reading.ok) throw this.error(reading.code, row, reading.reason, column);
      this.weight = reading.weight;
      return;
    }
    const problem = pushRankCell(text, start, end, this.registry, this.builder);
    if (problem !== null) throw this.error(problem.code, row, problem.reason, column);
  }

  private finishRecord(row: number): void {
    if (this.layout === null) {
      this.layout = readCsvHeader(this.headerCells, row);
      return;
    }
    if (this.column !== this.layout.names.length) {
      const reason = `${this.column} cells where the header has ${this.layout.names.length} columns`;
      throw this.error('ballot.column_count', row, reason, -1);
    }
    this.builder.endBallot(this.weight, row);
  }

  private readQuoted(text: string, start: number, final: boolean, row: number) {
    const length = text.length;
    let value = '';
    let from = start + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close < 0) {
        if (final) throw this.error('ballot.malformed_csv', row, 'a quoted cell is never closed');
        return null;
      }
      if (close + 1 === length && !final) return null;
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += text.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      value += text.slice(from, close);
      let end = close + 1;
      while (end < length && isBlankChar(text.charCodeAt(end))) end++;
      if (end === length) return final ? { value, end } : null;
      const next = text.charCodeAt(end);
      if (next !== COMMA && next !== LF && next !== CR) {
        throw this.error('ballot.malformed_csv', row, 'text after the closing quote of a cell');
      }
      return { value, end };
    }
  }

  private error(code: `ballot.${string}`, row: number, reason: string, column = this.column) {
    const name = this.layout?.names[column];
    const where = name === undefined ? `row ${row}` : `row ${row}, column ${name}`;
    return invalid(code, `${where}: ${reason}`, {
      row,
      ...(name === undefined ? {} : { column: name, columnIndex: column + 1 }),
      reason,
    });
  }
}
