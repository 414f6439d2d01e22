// The privacy gate (privacy.md "The gate"): one function decides how a text reaches each audience.
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { gateFor, publicReader, showInternal, showText } from '../../src/domain/privacy.js';

const ID = makeIdNumber('410702', '1986-05-04', '019');
const TEXT = `申请人身份证${ID}，手机138-1234-5678，座机0373-3012345`;
const MASKED = `申请人身份证${ID.slice(0, 6)}********${ID.slice(-4)}，手机138****5678，座机0373***2345`;

describe('showText', () => {
  it('public: ID, mobile and fixed-line numbers masked (default mask rule and the workspace rule)', () => {
    expect(showText(TEXT)).toBe(MASKED);
    expect(showText(TEXT, { audience: 'public' })).toBe(MASKED);
    expect(showText(ID, publicReader({ keepStart: 4, keepEnd: 2 }))).toBe(`${ID.slice(0, 4)}${'*'.repeat(12)}${ID.slice(-2)}`);
    expect(gateFor(publicReader())(TEXT)).toBe(MASKED);
  });
  it('sharing and addressee: as stored', () => {
    expect(showText(TEXT, { audience: 'sharing' })).toBe(TEXT);
    expect(showText(TEXT, { audience: 'addressee' })).toBe(TEXT);
  });
  it('--full (a terminal only): as stored', () => {
    expect(showText(TEXT, publicReader(undefined, true))).toBe(TEXT);
  });
});

describe('showInternal', () => {
  it('left out of a published document, masked on a public terminal, whole for sharing', () => {
    expect(showInternal(TEXT, { audience: 'public', published: true })).toBeUndefined();
    expect(showInternal(TEXT, { audience: 'public' })).toBe(MASKED);
    // A published sharing document: a reader the types do not offer (only public ones are published), given on purpose.
    expect(showInternal(TEXT, { audience: 'sharing', published: true } as never)).toBe(TEXT);
  });
});
