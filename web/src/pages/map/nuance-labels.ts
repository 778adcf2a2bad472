/**
 * The Ministry of the Interior's nuance codes for the 2024 legislative candidates (its published
 * grid), for the column headers' long names. An unknown code is shown as it is.
 */
const nuances: Record<string, string> = {
  EXG: 'Extrême gauche',
  COM: 'Parti communiste français',
  FI: 'La France insoumise',
  SOC: 'Parti socialiste',
  RDG: 'Parti radical de gauche',
  VEC: 'Les Écologistes',
  DVG: 'Divers gauche',
  UG: 'Union de la gauche',
  ECO: 'Écologistes',
  REG: 'Régionaliste',
  DIV: 'Divers',
  ENS: 'Ensemble (majorité présidentielle)',
  DVC: 'Divers centre',
  HOR: 'Horizons',
  UDI: 'Union des démocrates et indépendants',
  LR: 'Les Républicains',
  DVD: 'Divers droite',
  DSV: 'Droite souverainiste',
  REC: 'Reconquête',
  RN: 'Rassemblement national',
  UXD: 'Union de l’extrême droite',
  EXD: 'Extrême droite',
};

export const nuanceName = (code: string) => nuances[code] ?? code;
