/** Small Chinese phrasings the findings and tool errors share: a field by its key, a list, a place, a size. */
import type { PlaceArg } from '../../diagnostics/codes.js';
import { zhFieldNames } from './fields.js';

/** A column or cover entry by its key (args are data); a list of names joined the Chinese way. */
export const F = (key: string): string => zhFieldNames[key] ?? key;
export const list = (names: readonly string[]): string => names.join('、');
export const place = (p: PlaceArg): string => `${p.file}${p.sheet ? `（${p.sheet}）` : ''}${p.row !== undefined ? ` 第 ${p.row} 行` : ''}`;
export const places = (ps: readonly PlaceArg[]): string => ps.map(place).join('；');

export function bytesZh(n: number | undefined): string {
  if (n === undefined) return '';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 100 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} 字节`;
}
