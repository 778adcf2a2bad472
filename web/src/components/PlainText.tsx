import { Fragment } from 'react';
import { textBlocks } from './text-blocks.ts';

/** Plain text with its paragraphs, line breaks and "- " lists shown as such (see textBlocks). */
export function PlainText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {textBlocks(text).map((block, b) =>
        block.kind === 'list' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their order
          <ul key={b}>
            {block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their order
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their order
          <p key={b}>
            {block.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their order
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
