/** Text as a search compares it: no accents, no case ("Doña Ana" finds "dona ana"). */
export const foldText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
