/**
 * Bidirectional formatting characters (RLO U+202E and its kin: embeddings, overrides, isolates,
 * marks) typed or pasted into free text reverse what follows them on display: in a letter to the
 * credit office, "认定事实有误" after an RLO reads backwards. Printed documents carry none of them
 * (Chinese needs no bidi control); the terminal shows them as `\u202e` (reporters/sink.ts).
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without bidi formatting characters. */
export function withoutBidi(text: string): string {
  return text.replace(BIDI, '');
}
