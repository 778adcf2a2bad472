import ical from 'ical-generator';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Slate, SlateEntry } from './slate.schema.ts';

/** The slate as files: a one-or-more-page PDF card (pdf-lib) and an iCal feed of its filing and election dates (ical-generator). */

/** The standard PDF fonts encode WinAnsi only: anything else prints as "?" instead of failing the download. */
const printable = (text: string) => text.normalize('NFC').replace(/[^\x20-\x7E\u00A0-\u00FF‘’“”–—•…]/g, '?');

export function lineText(entry: SlateEntry): string {
  const lines = entry.lines.filter((l) => l.kind !== 'endorsement').map((l) => l.label);
  const endorsed = entry.lines.filter((l) => l.kind === 'endorsement').map((l) => l.memberName ?? l.label);
  const vote =
    lines.length === 0
      ? 'no party line'
      : entry.display === 'aggregated'
        ? `one line: ${lines.join(' / ')}`
        : lines.length > 1
          ? `any of the lines ${lines.join(', ')} (votes on each line count for the candidate)`
          : `the ${lines[0]} line`;
  return endorsed.length > 0 ? `${vote}; endorsed by ${endorsed.join(', ')}` : vote;
}

export const slateTitle = (slate: Slate) => `How to vote for ${slate.coalition.name} in ${slate.place.name}`;

export async function slatePdf(slate: Slate): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(slateTitle(slate)));
  pdf.setCreator('Concord');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page: PDFPage = pdf.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;
  const write = (text: string, size: number, f: PDFFont = font, gap = 4) => {
    const width = page.getWidth() - 2 * margin;
    const words = printable(text).split(/\s+/);
    let line = '';
    const flush = () => {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      y -= size + gap;
      line = '';
    };
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (f.widthOfTextAtSize(next, size) > width && line) flush();
      line = line ? `${line} ${word}` : word;
    }
    if (line) flush();
  };
  write(slateTitle(slate), 18, bold, 10);
  if (slate.place.within.length > 0) write(slate.place.within.map((w) => w.name).join(', '), 10);
  y -= 8;
  for (const t of slate.national) {
    write(
      `${t.office.replaceAll('_', ' ')} ${t.cycle}: ${t.top.name} (${t.top.memberName}) and ${t.second.name} (${t.second.memberName})`,
      12,
      bold,
    );
    y -= 6;
  }
  if (slate.entries.length === 0) write('The coalition has no endorsed candidate here yet.', 12);
  for (const entry of slate.entries) {
    write(`${entry.race.name} - ${entry.race.office.replaceAll('_', ' ')}`, 12, bold, 2);
    write(`${entry.name}, for ${entry.member.name}`, 12);
    write(`Vote on ${lineText(entry)}.`, 10);
    const share =
      entry.areaShare === null
        ? ''
        : ` (${Math.round(entry.areaShare * 100)}% of ${slate.place.name}'s area lies in this district, area-based)`;
    write(`${entry.race.electionName}, election day ${entry.race.electionDate}${share}`, 9, font, 12);
  }
  write(
    'Only the coalition’s endorsed nominations are listed. Check your own ballot with your election office.',
    8,
  );
  return pdf.save();
}

export function slateCalendar(slate: Slate, url: string): string {
  const cal = ical({ name: slateTitle(slate), prodId: { company: 'Concord', product: 'slate' }, url });
  const seen = new Set<string>();
  for (const entry of slate.entries) {
    const dates: [string, string | null][] = [
      ['election', entry.race.electionDate],
      ['filing', entry.race.filingDeadline],
    ];
    for (const [kind, date] of dates) {
      if (!date) continue;
      const id = `${kind}-${entry.race.id}@concord`;
      if (seen.has(id)) continue;
      seen.add(id);
      cal.createEvent({
        id,
        start: new Date(`${date}T00:00:00Z`),
        allDay: true,
        summary:
          kind === 'election' ? `Election day: ${entry.race.name}` : `Filing deadline: ${entry.race.name}`,
        description: `${entry.race.electionName}. ${slate.coalition.name}: ${entry.name} (${entry.member.name}), ${lineText(entry)}.`,
      });
    }
  }
  return cal.toString();
}
