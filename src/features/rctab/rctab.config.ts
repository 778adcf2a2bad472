/**
 * An RCTab contest config (shared/rctab/config_file_documentation.txt), read and validated the
 * way RCTab's ContestConfig.validate does, except that a key RCTab would silently ignore is refused
 * here with its name (a misspelt "random Seed" must not quietly become "no seed").
 */
import { JavaDecimal } from '../../core/rctab/java-decimal.ts';
import type { OvervoteRule, RctabRules, Slice, TiebreakMode, WinnerMode } from '../../core/rctab/types.ts';

export type Provider = 'cdf' | 'clearBallot' | 'dominion' | 'ess' | 'hart' | 'genericCsv';

export interface CvrSourceConfig {
  filePath: string;
  provider: Provider;
  contestId: string;
  firstVoteColumnIndex: number | null;
  firstVoteRowIndex: number | null;
  idColumnIndex: number | null;
  batchColumnIndex: number | null;
  precinctColumnIndex: number | null;
  overvoteDelimiter: string;
  overvoteLabel: string;
  skippedRankLabel: string;
  undeclaredWriteInLabel: string;
  treatBlankAsUndeclaredWriteIn: boolean;
}

export interface CandidateConfig {
  name: string;
  aliases: string[];
  excluded: boolean;
}

export interface RctabConfig {
  contestName: string;
  outputDirectory: string;
  contestDate: string;
  contestJurisdiction: string;
  contestOffice: string;
  slices: Slice[];
  generateCdfJson: boolean;
  sources: CvrSourceConfig[];
  candidates: CandidateConfig[];
  rules: RctabRules;
}

export interface ConfigProblem {
  /** The config key at fault, as a path: `rules.randomSeed`, `cvrFileSources[2].filePath`. */
  key: string;
  message: string;
}

export class InvalidRctabConfig extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`${file}: invalid RCTab config:\n${problems.map((p) => `  ${p.key}: ${p.message}`).join('\n')}`);
    this.name = 'InvalidRctabConfig';
  }
}

const KNOWN_KEYS: Record<string, ReadonlySet<string>> = {
  top: new Set(['tabulatorVersion', 'outputSettings', 'cvrFileSources', 'candidates', 'rules']),
  outputSettings: new Set([
    'contestName',
    'outputDirectory',
    'contestDate',
    'contestJurisdiction',
    'contestOffice',
    'tabulateByPrecinct',
    'tabulateByBatch',
    'generateCdfJson',
  ]),
  cvrFileSources: new Set([
    'filePath',
    'contestId',
    'firstVoteColumnIndex',
    'firstVoteRowIndex',
    'idColumnIndex',
    'batchColumnIndex',
    'precinctColumnIndex',
    'overvoteDelimiter',
    'provider',
    'overvoteLabel',
    'skippedRankLabel',
    'undeclaredWriteInLabel',
    'treatBlankAsUndeclaredWriteIn',
  ]),
  // `code` is a key of RCTab 1.x configs that 2.x reads and ignores.
  candidates: new Set(['name', 'aliases', 'excluded', 'code']),
  rules: new Set([
    'tiebreakMode',
    'overvoteRule',
    'winnerElectionMode',
    'randomSeed',
    'numberOfWinners',
    'multiSeatBottomsUpPercentageThreshold',
    'decimalPlacesForVoteArithmetic',
    'minimumVoteThreshold',
    'maxSkippedRanksAllowed',
    'maxRankingsAllowed',
    'nonIntegerWinningThreshold',
    'doesFirstRoundDetermineThreshold',
    'hareQuota',
    'batchElimination',
    'cutoffElimination',
    'continueUntilTwoCandidatesRemain',
    'stopTabulationEarlyAfterRound',
    'exhaustOnDuplicateCandidate',
    'rulesDescription',
    // RCTab 1.x kept these under rules; 2.x moved them to each CVR source and ignores them here.
    'overvoteLabel',
    'undeclaredWriteInLabel',
    'skippedRankLabel',
    'treatBlankAsUndeclaredWriteIn',
  ]),
};

const PROVIDERS: readonly Provider[] = ['cdf', 'clearBallot', 'dominion', 'ess', 'hart', 'genericCsv'];
const PROVIDER_TITLES: Record<Provider, string> = {
  cdf: 'CDF',
  clearBallot: 'Clear Ballot',
  dominion: 'Dominion',
  ess: 'ES&S',
  hart: 'Hart',
  genericCsv: 'CSV',
};
const TIEBREAK_MODES: readonly TiebreakMode[] = [
  'random',
  'stopCountingAndAsk',
  'previousRoundCountsThenRandom',
  'previousRoundCountsThenAsk',
  'useCandidateOrder',
  'generatePermutation',
];
const OVERVOTE_RULES: readonly OvervoteRule[] = [
  'alwaysSkipToNextRank',
  'exhaustImmediately',
  'exhaustIfMultipleContinuing',
];
const WINNER_MODES: readonly WinnerMode[] = [
  'singleWinnerMajority',
  'multiWinnerAllowOnlyOneWinnerPerRound',
  'multiWinnerAllowMultipleWinnersPerRound',
  'bottomsUp',
  'bottomsUpUsingPercentageThreshold',
  'multiPassIrv',
];
const RESERVED = ['residual surplus', 'exhausted', 'uncounted'];
const MIN_SEED = -140737488355328n;
const MAX_SEED = 140737488355327n;

type Json = Record<string, unknown>;

/** Validates a parsed config. `fileExists` resolves a source path the way RCTab does (relative to the config). */
export function validateRctabConfig(
  file: string,
  raw: unknown,
  fileExists: (path: string) => boolean,
): RctabConfig {
  const problems: ConfigProblem[] = [];
  const problem = (key: string, message: string) => problems.push({ key, message });
  if (!isObject(raw))
    throw new InvalidRctabConfig(file, [{ key: '(root)', message: 'the config must be a JSON object' }]);
  checkUnknownKeys(raw, 'top', '', problem);
  const version = text(raw.tabulatorVersion);
  if (version === '') problem('tabulatorVersion', 'tabulatorVersion is required');

  const output = isObject(raw.outputSettings) ? raw.outputSettings : {};
  if (!isObject(raw.outputSettings)) problem('outputSettings', 'outputSettings is required');
  checkUnknownKeys(output, 'outputSettings', 'outputSettings.', problem);
  // RCTab refuses to write reports into user-account folders on Windows, so that they stay read-only.
  if (/^[A-Za-z]:[\\/]Users([\\/]|$)/i.test(text(output.outputDirectory))) {
    problem(
      'outputSettings.outputDirectory',
      'reports may not be written under a user-account folder (C:\\Users)',
    );
  }
  const contestName = text(output.contestName);
  if (contestName === '') problem('outputSettings.contestName', 'contestName is required');
  const slices: Slice[] = [];
  if (bool(output.tabulateByPrecinct, 'outputSettings.tabulateByPrecinct', problem)) slices.push('precinct');
  if (bool(output.tabulateByBatch, 'outputSettings.tabulateByBatch', problem)) slices.push('batch');

  const rulesRaw = isObject(raw.rules) ? raw.rules : {};
  if (!isObject(raw.rules)) problem('rules', 'rules is required');
  checkUnknownKeys(rulesRaw, 'rules', 'rules.', problem);
  const rules = readRules(rulesRaw, problem);

  const candidatesRaw = Array.isArray(raw.candidates) ? raw.candidates : [];
  const candidates = candidatesRaw.map((entry, index) => {
    const key = `candidates[${index}]`;
    const candidate = isObject(entry) ? entry : {};
    checkUnknownKeys(candidate, 'candidates', `${key}.`, problem);
    const name = text(candidate.name).trim();
    if (name === '') problem(`${key}.name`, 'every candidate needs a name');
    const aliases = Array.isArray(candidate.aliases)
      ? candidate.aliases.map((alias) => text(alias).trim())
      : [];
    return { name, aliases: aliases.filter((alias) => alias !== ''), excluded: candidate.excluded === true };
  });

  const sourcesRaw = Array.isArray(raw.cvrFileSources) ? raw.cvrFileSources : [];
  if (sourcesRaw.length === 0)
    problem('cvrFileSources', 'the config must name at least one cast vote record file');
  const seenPaths = new Set<string>();
  const sources = sourcesRaw.map((entry, index) =>
    readSource(isObject(entry) ? entry : {}, `cvrFileSources[${index}]`, {
      rules,
      slices,
      seenPaths,
      fileExists,
      problem,
    }),
  );

  // Candidate names and aliases: unique, and not a label or reserved word of any source.
  const seenNames = new Set<string>();
  candidates.forEach((candidate, index) => {
    for (const value of [candidate.name, ...candidate.aliases]) {
      if (value === '') continue;
      const clash =
        seenNames.has(value) ||
        RESERVED.includes(value.toLowerCase()) ||
        sources.some((source) =>
          [source.overvoteLabel, source.skippedRankLabel, source.undeclaredWriteInLabel].some(
            (label) => label !== '' && label.toLowerCase() === value.toLowerCase(),
          ),
        );
      if (clash) problem(`candidates[${index}]`, `duplicate or reserved candidate name or alias: "${value}"`);
      seenNames.add(value);
    }
  });
  const declared = candidates.filter((candidate) => candidate.name !== '');
  if (declared.length === 0) problem('candidates', 'the config must declare at least one candidate');
  else if (declared.every((candidate) => candidate.excluded)) {
    problem('candidates', 'at least one candidate must not be excluded');
  }
  checkRuleCombinations(rules, declared.length, problem);

  if (problems.length > 0) throw new InvalidRctabConfig(file, problems);
  return {
    contestName,
    outputDirectory: text(output.outputDirectory),
    contestDate: text(output.contestDate),
    contestJurisdiction: text(output.contestJurisdiction),
    contestOffice: text(output.contestOffice),
    slices,
    generateCdfJson: output.generateCdfJson === true,
    sources,
    candidates,
    rules,
  };
}

interface SourceContext {
  rules: RctabRules;
  slices: Slice[];
  seenPaths: Set<string>;
  fileExists: (path: string) => boolean;
  problem: (key: string, message: string) => void;
}

function readSource(raw: Json, key: string, context: SourceContext): CvrSourceConfig {
  const { problem } = context;
  checkUnknownKeys(raw, 'cvrFileSources', `${key}.`, problem);
  const filePath = text(raw.filePath);
  const providerText = text(raw.provider);
  const provider = PROVIDERS.find((p) => p === providerText);
  if (!provider)
    problem(`${key}.provider`, `unknown provider "${providerText}" (one of ${PROVIDERS.join(', ')})`);
  const source: CvrSourceConfig = {
    filePath,
    provider: provider ?? 'ess',
    contestId: text(raw.contestId),
    firstVoteColumnIndex: null,
    firstVoteRowIndex: null,
    idColumnIndex: null,
    batchColumnIndex: null,
    precinctColumnIndex: null,
    overvoteDelimiter: text(raw.overvoteDelimiter),
    overvoteLabel: text(raw.overvoteLabel),
    skippedRankLabel: text(raw.skippedRankLabel),
    undeclaredWriteInLabel: text(raw.undeclaredWriteInLabel),
    treatBlankAsUndeclaredWriteIn: bool(
      raw.treatBlankAsUndeclaredWriteIn,
      `${key}.treatBlankAsUndeclaredWriteIn`,
      problem,
    ),
  };
  if (filePath === '') {
    problem(`${key}.filePath`, 'filePath is required for each cast vote record file');
    return source;
  }
  if (context.seenPaths.has(filePath))
    problem(`${key}.filePath`, `duplicate cast vote record file: ${filePath}`);
  context.seenPaths.add(filePath);
  if (!context.fileExists(filePath))
    problem(`${key}.filePath`, `cast vote record file not found: ${filePath}`);
  const labels: Array<[string, string]> = [
    ['overvoteLabel', source.overvoteLabel],
    ['skippedRankLabel', source.skippedRankLabel],
    ['undeclaredWriteInLabel', source.undeclaredWriteInLabel],
  ];
  for (const [field, value] of labels) {
    if (value === '') continue;
    const reserved = RESERVED.includes(value.toLowerCase());
    const reused = labels.some(
      ([other, v]) => other !== field && v !== '' && v.toLowerCase() === value.toLowerCase(),
    );
    if (reserved || reused)
      problem(`${key}.${field}`, `"${value}" is reserved or already used by another label`);
  }
  if (!provider) return source;
  const title = PROVIDER_TITLES[provider];
  const columnish = provider === 'ess' || provider === 'genericCsv';
  if (columnish) {
    source.firstVoteColumnIndex = integerField(
      raw.firstVoteColumnIndex,
      `${key}.firstVoteColumnIndex`,
      1,
      1000,
      true,
      problem,
    );
    source.firstVoteRowIndex = integerField(
      raw.firstVoteRowIndex,
      `${key}.firstVoteRowIndex`,
      1,
      100000,
      true,
      problem,
    );
    // RCTab range-checks these for ES&S only, but its generic CSV reader uses them too.
    source.idColumnIndex = integerField(raw.idColumnIndex, `${key}.idColumnIndex`, 1, 1000, false, problem);
    source.precinctColumnIndex = integerField(
      raw.precinctColumnIndex,
      `${key}.precinctColumnIndex`,
      1,
      1000,
      false,
      problem,
    );
    source.batchColumnIndex = integerField(
      raw.batchColumnIndex,
      `${key}.batchColumnIndex`,
      1,
      1000,
      false,
      problem,
    );
    const delimiter = source.overvoteDelimiter;
    if (delimiter !== '' && (delimiter.includes('\\') || /^[a-zA-Z0-9.',\-"\s]+$/.test(delimiter))) {
      problem(
        `${key}.overvoteDelimiter`,
        'overvoteDelimiter may not contain letters, digits, quotes, commas, periods, dashes, spaces or backslashes',
      );
    }
    if (delimiter !== '' && source.overvoteLabel !== '') {
      problem(`${key}.overvoteDelimiter`, "overvoteDelimiter and overvoteLabel can't both be supplied");
    }
  } else {
    if (provider === 'cdf') {
      if (!/\.(xml|json)$/i.test(filePath))
        problem(`${key}.filePath`, 'CDF source files must be .json or .xml');
    } else if (source.overvoteLabel !== '') {
      problem(
        `${key}.overvoteLabel`,
        `overvoteLabel should not be defined for CVR source with provider "${title}"`,
      );
    }
    for (const field of [
      'firstVoteColumnIndex',
      'firstVoteRowIndex',
      'idColumnIndex',
      'precinctColumnIndex',
      'batchColumnIndex',
      'overvoteDelimiter',
      'skippedRankLabel',
    ] as const) {
      if (text(raw[field]) !== '')
        problem(`${key}.${field}`, `${field} should not be defined for CVR source with provider "${title}"`);
    }
    if (source.treatBlankAsUndeclaredWriteIn) {
      problem(
        `${key}.treatBlankAsUndeclaredWriteIn`,
        `treatBlankAsUndeclaredWriteIn should not be true for CVR source with provider "${title}"`,
      );
    }
  }
  const needsContestId =
    provider === 'dominion' || provider === 'hart' || provider === 'clearBallot' || provider === 'cdf';
  if (needsContestId && source.contestId === '')
    problem(`${key}.contestId`, `contestId must be defined for CVR source with provider "${title}"`);
  if (!needsContestId && source.contestId !== '')
    problem(`${key}.contestId`, `contestId should not be defined for CVR source with provider "${title}"`);
  if (source.overvoteLabel !== '' && context.rules.overvoteRule === 'exhaustIfMultipleContinuing') {
    problem(
      `${key}.overvoteLabel`,
      'when overvoteLabel is supplied, overvoteRule must be alwaysSkipToNextRank or exhaustImmediately',
    );
  }
  if (provider === 'cdf' && context.slices.length > 0) {
    problem(
      'outputSettings.tabulateByPrecinct',
      'tabulating by precinct or batch is not available for CDF files',
    );
  }
  if (provider === 'ess') {
    if (source.precinctColumnIndex === null && context.slices.includes('precinct')) {
      problem(
        `${key}.precinctColumnIndex`,
        'precinctColumnIndex is required when tabulateByPrecinct is enabled',
      );
    }
    if (source.batchColumnIndex === null && context.slices.includes('batch')) {
      problem(`${key}.batchColumnIndex`, 'batchColumnIndex is required when tabulateByBatch is enabled');
    }
    if (source.overvoteDelimiter === '' && context.rules.overvoteRule === 'exhaustIfMultipleContinuing') {
      problem(
        `${key}.overvoteDelimiter`,
        'overvoteDelimiter is required for an ES&S source when overvoteRule is exhaustIfMultipleContinuing',
      );
    }
  }
  return source;
}

function readRules(raw: Json, problem: (key: string, message: string) => void): RctabRules {
  const tiebreakText = text(raw.tiebreakMode);
  const tiebreakMode = TIEBREAK_MODES.find((mode) => mode === tiebreakText);
  if (!tiebreakMode)
    problem(
      'rules.tiebreakMode',
      `invalid tiebreakMode "${tiebreakText}" (one of ${TIEBREAK_MODES.join(', ')})`,
    );
  const overvoteText = text(raw.overvoteRule);
  const overvoteRule = OVERVOTE_RULES.find((rule) => rule === overvoteText);
  if (!overvoteRule)
    problem(
      'rules.overvoteRule',
      `invalid overvoteRule "${overvoteText}" (one of ${OVERVOTE_RULES.join(', ')})`,
    );
  const winnerText = text(raw.winnerElectionMode);
  const winnerMode = WINNER_MODES.find((mode) => mode === winnerText);
  if (!winnerMode)
    problem(
      'rules.winnerElectionMode',
      `invalid winnerElectionMode "${winnerText}" (one of ${WINNER_MODES.join(', ')})`,
    );

  const needsSeed =
    tiebreakMode === 'random' ||
    tiebreakMode === 'previousRoundCountsThenRandom' ||
    tiebreakMode === 'generatePermutation';
  const seedText = text(raw.randomSeed);
  let randomSeed: bigint | null = null;
  if (seedText === '') {
    if (needsSeed)
      problem('rules.randomSeed', 'when tiebreakMode involves a random element, randomSeed must be supplied');
  } else if (!/^[+-]?\d+$/.test(seedText) || BigInt(seedText) < MIN_SEED || BigInt(seedText) > MAX_SEED) {
    problem('rules.randomSeed', `randomSeed must be an integer from ${MIN_SEED} to ${MAX_SEED}`);
  } else randomSeed = BigInt(seedText);

  const maxRankingsText = text(raw.maxRankingsAllowed);
  let maxRankingsAllowed = Number.POSITIVE_INFINITY;
  if (maxRankingsText !== 'max') {
    const value = /^[+-]?\d+$/.test(maxRankingsText) ? Number(maxRankingsText) : Number.NaN;
    if (!(value >= 1))
      problem('rules.maxRankingsAllowed', 'maxRankingsAllowed must be "max" or an integer of at least 1');
    else maxRankingsAllowed = value;
  }
  const skippedText = text(raw.maxSkippedRanksAllowed);
  let maxSkippedRanksAllowed = Number.POSITIVE_INFINITY;
  if (skippedText.toLowerCase() !== 'unlimited') {
    const value = /^[+-]?\d+$/.test(skippedText) ? Number(skippedText) : Number.NaN;
    if (!(value >= 0))
      problem(
        'rules.maxSkippedRanksAllowed',
        'maxSkippedRanksAllowed must be "unlimited" or an integer of at least 0',
      );
    else maxSkippedRanksAllowed = value;
  }
  const numberOfWinners =
    integerField(raw.numberOfWinners, 'rules.numberOfWinners', 0, 2 ** 31 - 1, true, problem) ?? 1;
  const decimalPlaces =
    integerField(
      raw.decimalPlacesForVoteArithmetic,
      'rules.decimalPlacesForVoteArithmetic',
      1,
      20,
      true,
      problem,
    ) ?? 4;
  const stopAfter = integerField(
    raw.stopTabulationEarlyAfterRound,
    'rules.stopTabulationEarlyAfterRound',
    1,
    2 ** 31 - 1,
    false,
    problem,
  );
  const percentText = text(raw.multiSeatBottomsUpPercentageThreshold);
  let bottomsUpPercentageThreshold: JavaDecimal | null = null;
  if (percentText !== '') {
    if (!/^\d*(\.\d*)?$/.test(percentText) || Number(percentText) <= 0 || Number(percentText) > 100) {
      problem(
        'rules.multiSeatBottomsUpPercentageThreshold',
        'multiSeatBottomsUpPercentageThreshold must be a number above 0 and at most 100',
      );
    } else {
      const decimals = percentText.includes('.') ? (percentText.split('.')[1] as string).length : 0;
      bottomsUpPercentageThreshold = JavaDecimal.parse(percentText).divide(
        JavaDecimal.fromInt(100),
        decimals + 2,
        'half-even',
      );
    }
  }
  return {
    numberOfWinners,
    winnerMode: winnerMode ?? 'singleWinnerMajority',
    tiebreakMode: tiebreakMode ?? 'random',
    randomSeed,
    overvoteRule: overvoteRule ?? 'exhaustImmediately',
    maxSkippedRanksAllowed,
    maxRankingsAllowed,
    decimalPlaces,
    nonIntegerWinningThreshold: bool(
      raw.nonIntegerWinningThreshold,
      'rules.nonIntegerWinningThreshold',
      problem,
    ),
    firstRoundDeterminesThreshold: bool(
      raw.doesFirstRoundDetermineThreshold,
      'rules.doesFirstRoundDetermineThreshold',
      problem,
    ),
    hareQuota: bool(raw.hareQuota, 'rules.hareQuota', problem),
    batchElimination: bool(raw.batchElimination, 'rules.batchElimination', problem),
    cutoffElimination: bool(raw.cutoffElimination, 'rules.cutoffElimination', problem),
    continueUntilTwoCandidatesRemain: bool(
      raw.continueUntilTwoCandidatesRemain,
      'rules.continueUntilTwoCandidatesRemain',
      problem,
    ),
    stopTabulationEarlyAfterRound: stopAfter ?? Number.POSITIVE_INFINITY,
    exhaustOnDuplicateCandidate: bool(
      raw.exhaustOnDuplicateCandidate,
      'rules.exhaustOnDuplicateCandidate',
      problem,
    ),
    bottomsUpPercentageThreshold,
    bottomsUpPercentageText: percentText,
  };
}

function checkRuleCombinations(
  rules: RctabRules,
  declared: number,
  problem: (key: string, message: string) => void,
): void {
  const mode = rules.winnerMode;
  if (rules.numberOfWinners > 0) {
    if (mode === 'bottomsUpUsingPercentageThreshold') {
      problem('rules.numberOfWinners', `numberOfWinners must be zero when winnerElectionMode is ${mode}`);
    }
    if (rules.numberOfWinners > 1) {
      if (mode !== 'multiPassIrv' && rules.continueUntilTwoCandidatesRemain) {
        problem(
          'rules.continueUntilTwoCandidatesRemain',
          "continueUntilTwoCandidatesRemain can't be true in a multi-seat contest unless the mode is multiPassIrv",
        );
      }
      if (mode !== 'multiPassIrv' && rules.batchElimination) {
        problem(
          'rules.batchElimination',
          "batchElimination can't be true in a multi-seat contest unless the mode is multiPassIrv",
        );
      }
      if (rules.firstRoundDeterminesThreshold) {
        problem(
          'rules.doesFirstRoundDetermineThreshold',
          "doesFirstRoundDetermineThreshold can't be true in a multi-seat contest",
        );
      }
    } else if (mode !== 'singleWinnerMajority') {
      problem('rules.winnerElectionMode', `winnerElectionMode can't be ${mode} in a single-seat contest`);
    }
  } else {
    if (mode !== 'bottomsUpUsingPercentageThreshold') {
      problem(
        'rules.winnerElectionMode',
        'if numberOfWinners is zero, winnerElectionMode must be bottomsUpUsingPercentageThreshold',
      );
    }
    if (rules.bottomsUpPercentageThreshold === null) {
      problem(
        'rules.multiSeatBottomsUpPercentageThreshold',
        'multiSeatBottomsUpPercentageThreshold is required when numberOfWinners is zero',
      );
    }
  }
  if (mode === 'bottomsUpUsingPercentageThreshold' && rules.batchElimination) {
    problem('rules.batchElimination', `batchElimination can't be true when winnerElectionMode is ${mode}`);
  }
  const surplusMode =
    mode === 'multiWinnerAllowOnlyOneWinnerPerRound' || mode === 'multiWinnerAllowMultipleWinnersPerRound';
  if (!surplusMode && rules.nonIntegerWinningThreshold) {
    problem(
      'rules.nonIntegerWinningThreshold',
      `nonIntegerWinningThreshold can't be true when winnerElectionMode is ${mode}`,
    );
  }
  if (!surplusMode && rules.hareQuota)
    problem('rules.hareQuota', `hareQuota can't be true when winnerElectionMode is ${mode}`);
  if (rules.nonIntegerWinningThreshold && rules.hareQuota) {
    problem('rules.hareQuota', "nonIntegerWinningThreshold and hareQuota can't both be true");
  }
  void declared;
}

function checkUnknownKeys(
  raw: Json,
  section: string,
  prefix: string,
  problem: (key: string, message: string) => void,
): void {
  const known = KNOWN_KEYS[section] as ReadonlySet<string>;
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) problem(`${prefix}${key}`, `unknown setting "${key}"`);
  }
}

function integerField(
  value: unknown,
  key: string,
  min: number,
  max: number,
  required: boolean,
  problem: (key: string, message: string) => void,
): number | null {
  const raw = text(value);
  const range = `an integer from ${min} to ${max}${required ? '' : ' if supplied'}`;
  if (raw === '') {
    if (required) problem(key, `${key.split('.').at(-1)} must be ${range}`);
    return null;
  }
  if (!/^[+-]?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problem(key, `${key.split('.').at(-1)} must be ${range}`);
    return null;
  }
  return Number(raw);
}

function bool(value: unknown, key: string, problem: (key: string, message: string) => void): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  problem(key, `${key.split('.').at(-1)} must be true or false`);
  return false;
}

/** RCTab's fields are Java Strings; Jackson turns a JSON number into its text. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
