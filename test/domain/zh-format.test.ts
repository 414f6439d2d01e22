// How documents people read write dates, batches and counts (people.md "Documents people sign and read").
import { describe, expect, it } from 'vitest';
import { batchTitle, chineseDate, groupThousands } from '../../src/domain/zh-format.js';

describe('zh-format', () => {
  it('dates after GB/T 9704-2012: the year in full, no leading zero', () => {
    expect(chineseDate('2026-10-10')).toBe('2026年10月10日');
    expect(chineseDate('2026-09-03')).toBe('2026年9月3日');
    expect(chineseDate('待定')).toBe('待定');
  });
  it('batches as 2026年第三季度, a supplementary batch with 第N批', () => {
    expect(['2026Q1', '2026Q2', '2026Q3', '2026Q4'].map(batchTitle)).toEqual([
      '2026年第一季度',
      '2026年第二季度',
      '2026年第三季度',
      '2026年第四季度',
    ]);
    expect(batchTitle('2026Q3-2')).toBe('2026年第三季度第2批');
    expect(batchTitle('2026')).toBe('2026');
  });
  it('thousands separators on integers', () => {
    expect([0, 999, 1000, 12345, 1234567, -4321].map(groupThousands)).toEqual(['0', '999', '1,000', '12,345', '1,234,567', '-4,321']);
    expect(groupThousands(1.5)).toBe('1.5');
  });
});
