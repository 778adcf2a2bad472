/**
 * The one typed entry to the `highs` package (HiGHS compiled to WebAssembly). Under NodeNext the
 * package's declarations do not describe its default export as the callable loader it is at run
 * time, so the loader is typed here, once, with just what Concord uses.
 */
import highsModule from 'highs';

export interface HighsColumn {
  readonly Primal?: number;
}

export interface HighsResult {
  readonly Status: string;
  readonly ObjectiveValue: number;
  readonly Columns: Readonly<Record<string, HighsColumn>>;
}

export interface Highs {
  solve(lp: string, options?: Readonly<Record<string, string | number | boolean>>): HighsResult;
}

const loadHighs = highsModule as unknown as () => Promise<Highs>;

let instance: Promise<Highs> | undefined;

/** Loads the WebAssembly runtime on first use (about 0.1 s) and reuses it afterwards. */
export function highs(): Promise<Highs> {
  instance ??= loadHighs();
  return instance;
}
