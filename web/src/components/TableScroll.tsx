/**
 * A wide table scrolls sideways on a phone; the region is focusable so the keyboard can scroll it
 * too, and named (a labelled section is a region) so a screen reader says what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
