import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', 'src', 'messages');
/** Chinese-only words that a Chinese workbook writes whatever --lang says (removal types, field names). */
const CHINESE_ONLY = ['register-codes.ts'];

describe('the message catalogues keep one convention (src/messages/index.ts)', () => {
  it('zh-CN/ and en/ hold the same areas', () => {
    const zh = readdirSync(join(dir, 'zh-CN')).filter((f) => !CHINESE_ONLY.includes(f));
    const en = readdirSync(join(dir, 'en'));
    expect(zh.sort()).toEqual(en.sort());
  });

  it('no catalogue file passes 600 lines: a long area is split', () => {
    const long: string[] = [];
    for (const sub of ['.', 'zh-CN', 'en']) {
      for (const f of readdirSync(join(dir, sub)).filter((n) => n.endsWith('.ts'))) {
        const lines = readFileSync(join(dir, sub, f), 'utf8').split('\n').length;
        if (lines > 600) long.push(`${sub}/${f}: ${lines}`);
      }
    }
    expect(long).toEqual([]);
  });

  it('only the language folders hold words: a top-level file declares no catalogue object', () => {
    const top = readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'types.ts');
    const offenders = top.filter((f) => /^(export )?const (zh|en)[A-Z]?\w*: \w+ = \{/m.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
