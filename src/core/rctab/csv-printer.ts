/** Apache Commons CSV's DEFAULT format with minimal quoting, lines ended by "\n". */
export class CsvPrinter {
  private readonly lines: string[] = [];
  private current: string[] = [];

  /** A null prints as an empty, unquoted field (RCTab's CVR CSV sets nullString ""). */
  print(...values: Array<string | null>): void {
    for (const value of values)
      this.current.push(value === null ? '' : quote(value, this.current.length === 0));
  }

  record(...values: string[]): void {
    this.print(...values);
    this.endRecord();
  }

  endRecord(): void {
    this.lines.push(this.current.join(','));
    this.current = [];
  }

  text(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }
}

function quote(value: string, firstInRecord: boolean): string {
  let needsQuotes = false;
  if (value.length === 0) needsQuotes = firstInRecord;
  else if (value.charCodeAt(0) <= 0x23) needsQuotes = true;
  else if (/[\r\n",]/.test(value)) needsQuotes = true;
  else if (value.charCodeAt(value.length - 1) <= 0x20) needsQuotes = true;
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}
