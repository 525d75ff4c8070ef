/** What every scoring feature returns: its effect on the score, and why, in words. */

export interface FeatureResult {
  /** The feature's own similarity in [0, 1], or null when it does not apply (one side has no data). */
  score: number | null;
  /** How the feature changes the name score: multiply by `factor`, then add `bonus`. */
  factor: number;
  bonus: number;
  /** Decides the match outright (a shared strong identifier). */
  decisive: boolean;
  detail: string;
}

export const NEUTRAL: FeatureResult = { score: null, factor: 1, bonus: 0, decisive: false, detail: 'not compared: missing on one side' };
