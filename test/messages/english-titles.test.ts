// Every English finding title is written alike: a capital first letter, as "Department has not submitted".
// Seen by a new user's trial: the report's findings table mixed "Department has not submitted" with
// "already public", "correction after an objection" and "early removal too early" (codes-register.ts).
import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en/codes.js';

describe('English finding titles', () => {
  it('each begins with a capital letter or a name written as it is (no lowercase first word)', () => {
    const lower = Object.entries(en)
      .filter(([, m]) => /^[a-z]/.test(m.title))
      .map(([code, m]) => `${code}: ${m.title}`);
    expect(lower).toEqual([]);
  });
});
