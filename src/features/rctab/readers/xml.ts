import { XMLParser } from 'fast-xml-parser';

/** Element names that may repeat in CDF and Hart XML, always read as arrays. */
const REPEATED = new Set([
  'Contest',
  'Option',
  'Election',
  'Candidate',
  'ContestSelection',
  'GpUnit',
  'CVR',
  'CVRSnapshot',
  'CVRContest',
  'CVRContestSelection',
  'SelectionPosition',
  'CandidateIds',
  'CVRWriteIn',
  'Party',
  'ReportingDevice',
  'ReportGeneratingDeviceIds',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

export function parseXml(text: string): XmlNode {
  return parser.parse(text.replace(/^\uFEFF/, '')) as XmlNode;
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[name];
  if (Array.isArray(value)) return value[0] as XmlNode | undefined;
  return typeof value === 'object' && value !== null ? (value as XmlNode) : undefined;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'object' && item !== null ? (item as XmlNode) : ({ '#text': String(item) } as XmlNode),
  );
}

/** The text of a simple element (or attribute), or null when absent. */
export function textOf(node: unknown, name: string): string | null {
  if (typeof node !== 'object' || node === null) return null;
  let value = (node as XmlNode)[name];
  if (Array.isArray(value)) value = value[0];
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') {
    const text = (value as XmlNode)['#text'];
    return text === undefined ? '' : String(text);
  }
  return String(value);
}
