/**
 * JSON text as RCTab's Jackson writer lays it out: DefaultPrettyPrinter (two-space indent,
 * `"key" : value`, `[ {` … `} ]`, empty `{ }` and `[ ]`) with object keys sorted by String.compareTo,
 * so a report can be compared byte for byte with RCTab's.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function jacksonPretty(value: JsonValue): string {
  return write(value, 0);
}

function write(value: JsonValue, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const indent = '  '.repeat(depth + 1);
  const closing = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    // Jackson puts array elements on the array's line: "[ {", "}, {", "} ]".
    return `[ ${value.map((item) => write(item, depth)).join(', ')} ]`;
  }
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{ }';
  const members = keys.map(
    (key) => `${indent}${JSON.stringify(key)} : ${write(value[key] as JsonValue, depth + 1)}`,
  );
  return `{\n${members.join(',\n')}\n${closing}}`;
}
