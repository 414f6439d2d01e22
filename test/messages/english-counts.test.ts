// English counts agree with their number: "1 byte", "1 error", never "1 bytes" (found in register repair's
// "(1 bytes)"). Each message below takes a count that can be 1 and is rendered with it and with 2.
import { describe, expect, it } from 'vitest';
import { enRegisterUi } from '../../src/messages/en/register.js';
import { enObjectionUi } from '../../src/messages/en/objections.js';
import { enPageText } from '../../src/messages/en/page.js';
import { enUi } from '../../src/messages/en/ui.js';
import { bytesEn, countEn } from '../../src/messages/en/words.js';

describe('English counts: singular for 1, plural otherwise', () => {
  it('countEn and bytesEn', () => {
    expect(countEn(1, 'byte')).toBe('1 byte');
    expect(countEn(0, 'byte')).toBe('0 bytes');
    expect(countEn(2, 'entry', 'entries')).toBe('2 entries');
    expect(bytesEn(1)).toBe('1 byte');
    expect(bytesEn(900)).toBe('900 bytes');
  });

  it('register repair, the objection letter, the feedback copy and the self-check page', () => {
    expect(enRegisterUi.repairCut(3, 1, 'register/x')).toContain('(1 byte)');
    expect(enRegisterUi.repairCut(3, 2, 'register/x')).toContain('(2 bytes)');
    expect(enRegisterUi.repairCutNoCopy(3, 1, 'ENOSPC')).toContain('(1 byte)');
    expect(enRegisterUi.repairCutBlank(1, 1, 'register/x', undefined)).toContain('(1 byte)');
    expect(enObjectionUi.letter('a.docx', 1)).toContain('(1 byte;');
    const sheet = enUi.forms.annotate;
    const overview = sheet.overview;
    expect(sheet.omitted(1)).toMatch(/^1 more finding of the same kinds was not marked/);
    expect(sheet.omitted(3)).toMatch(/^3 more findings of the same kinds were not marked/);
    expect(overview(1, 1, 1)).toMatch(/^1 error, 1 warning, 1 note\. /);
    expect(overview(2, 0, 0)).toMatch(/^2 errors, 0 warnings\. /);
    expect(enPageText.baked('', '2026-10-09 10:00', 'hrss-credit 0.1.0', 1, 5)).toContain('(1 department)');
  });
});
