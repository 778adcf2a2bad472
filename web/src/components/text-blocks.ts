/** A block of plain text: a paragraph (its lines kept) or a list (lines starting "- " or "* "). */
export type TextBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

const bullet = /^\s*[-*•]\s+/;

/**
 * Plain text as people type it (and as the server writes summaries): blank lines part paragraphs,
 * a run of "- " lines is a list, other line breaks are kept. No markup is interpreted, so nothing
 * typed can inject HTML.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
      if (list.length > 0) blocks.push({ kind: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (bullet.test(line)) {
        if (paragraph.length > 0) flush();
        list.push(line.replace(bullet, '').trim());
      } else {
        if (list.length > 0) flush();
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}
