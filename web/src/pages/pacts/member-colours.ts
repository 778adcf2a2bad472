/**
 * Okabe and Ito's palette: eight colours told apart with every common colour-vision deficiency.
 * Past eight members colours repeat; the legend, the tooltip and the table still name each member.
 */
const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#7f7f7f'];

/** Races left open (no coalition candidate). */
export const openColour = '#ffffff';

/** A stable colour per member: by its place in the pact's member list. */
export function memberColours(memberKeys: readonly string[]): Map<string, string> {
  return new Map(memberKeys.map((key, i) => [key, palette[i % palette.length] ?? '#7f7f7f']));
}
