/** Small English phrasings the findings and tool errors share: a field by its key, a list, a place, a size. */
import type { PlaceArg } from '../../diagnostics/codes.js';
import { enFieldNames } from './fields.js';

/** A column or cover entry by its key (args are data); a list of names joined the English way. */
export const F = (key: string): string => enFieldNames[key] ?? key;
export const list = (names: readonly string[]): string => names.join(', ');
export const place = (p: PlaceArg): string => `${p.file}${p.sheet ? ` (${p.sheet})` : ''}${p.row !== undefined ? ` row ${p.row}` : ''}`;
export const places = (ps: readonly PlaceArg[]): string => ps.map(place).join('; ');

/** A count and its noun, the noun singular for exactly 1 ("1 byte", "2 bytes"); `many` when the plural is not noun + s. */
export function countEn(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function bytesEn(n: number | undefined): string {
  if (n === undefined) return '';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 100 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return countEn(n, 'byte');
}
