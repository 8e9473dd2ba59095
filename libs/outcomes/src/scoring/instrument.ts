/** Which way a score moves when the client is doing better. */
export type Direction = 'lower-is-better' | 'higher-is-better';

/** A named severity range of an instrument's score; both bounds are inclusive. */
export interface Band {
  name: string;
  min: number;
  max: number;
}

/** A scored set of answers: the score, its band (null when the instrument has none) and flags. */
export interface ScoredAnswers {
  score: number;
  band: string | null;
  flags: string[];
}

/** A published questionnaire whose items, scoring and thresholds are fixed by its authors. */
export interface StandardInstrument {
  code: 'PHQ-9' | 'GAD-7' | 'MYMOP2';
  name: string;
  kind: 'questionnaire';
  /** Short English labels of each item, in the order the answers are given. */
  items: readonly string[];
  itemMin: number;
  itemMax: number;
  scoreMin: number;
  scoreMax: number;
  direction: Direction;
  bands: readonly Band[];
  /** The smallest change in the improving direction that counts as clinically meaningful. */
  meaningfulChange: number;
  /** A score below this counts as remission; null when the instrument defines none. */
  remissionBelow: number | null;
}

export type StandardInstrumentCode = StandardInstrument['code'];

/** How an instrument's item answers combine into its score. */
export type ScoringMethod = 'sum' | 'mean';

/** A flag raised when one item's answer is above a threshold, whatever the total score. */
export interface ItemFlag {
  /** 0-based position of the item in the answers. */
  itemIndex: number;
  above: number;
  flag: string;
}

/** The parts of an instrument's scoring that are not plain data on StandardInstrument. */
export interface ScoringRule {
  method: ScoringMethod;
  itemFlags: readonly ItemFlag[];
}

export interface ScoringProblem {
  field: string;
  message: string;
}

export type ScoringOutcome =
  { ok: true; result: ScoredAnswers } | { ok: false; problems: ScoringProblem[] };
