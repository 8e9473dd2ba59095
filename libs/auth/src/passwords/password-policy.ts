import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * NIST SP 800-63B: at least 8 characters (we ask 12), at least 64 accepted (we take 128),
 * counted in Unicode code points so that accents and emoji count as one each.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: ReadonlySet<string> | undefined;

/** The breached-password list shipped with zxcvbn-ts, lower-cased; built on first use. */
export function commonPasswordList(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords;
}

/** Configured once, on first use: building the ranked dictionaries takes tens of milliseconds. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
    // Near-miss matching (Levenshtein) against ~49,000 words cost ~190 ms for an ordinary
    // 28-character phrase; l33t and pattern matching still catch `Passw0rd!2024`.
    useLevenshteinDistance: false,
    // Matching grows steeply with length (a 128-digit string took ~260 ms, blocking the event
    // loop); 64 characters judge any password that could still be weak.
    maxLength: 64,
  });
  return estimator;
}

/**
 * Why `password` is not acceptable, phrased to follow the field name (`password must be at
 * least 12 characters`), or null when it is.
 *
 * The rules follow NIST SP 800-63B: a length range, no composition rules (no "one digit and one
 * symbol", which only breeds `Password1!`), no password from a breach list, and a strength
 * estimate that also knows keyboard walks, repeats, dates and the user's own details
 * (`userInputs`: e-mail, display name and the like).
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  // Length first, and without walking a huge input: a 100 KB body must cost nothing.
  const length = codePointLength(password, PASSWORD_MAX_LENGTH + 1);
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;

  if (commonPasswordList().has(password.toLowerCase())) {
    return 'is one of the most common passwords; choose another';
  }
  if (zxcvbn().check(password, userInputWords(userInputs)).score < MIN_SCORE) {
    return 'is too easy to guess; use a longer phrase of unrelated words';
  }
  return null;
}

/** Code points in `value`, counting no further than `limit`. */
function codePointLength(value: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < value.length && count < limit; count++) {
    i += value.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return count;
}

/**
 * Each input whole, its e-mail local part, both without separators, and its single words
 * (`eva.jansen@example.nl` → `eva.jansen`, `evajansen`, `eva`, `jansen`, ...), so that a
 * password built from pieces of the user's name or address is recognised too.
 */
function userInputWords(inputs: string[]): string[] {
  const words = new Set<string>();
  for (const input of inputs) {
    if (!input) continue;
    const whole = input.includes('@') ? [input, input.slice(0, input.lastIndexOf('@'))] : [input];
    for (const text of whole) {
      words.add(text);
      words.add(text.replace(SEPARATORS, ''));
    }
    for (const word of input.split(SEPARATORS)) {
      if (word.length >= 3) words.add(word);
    }
  }
  words.delete('');
  return [...words];
}
