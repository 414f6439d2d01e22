/**
 * The checkpoint's key columns (checkpoint.ts): for each record, a 32-bit hash of the keys register show
 * and compile's checks match records by — its name folded (foldKey), its 统一社会信用代码 and 证件号码
 * normalised, its subject key (subjectKeyOf). A reader that looks for a few keys scans these numbers
 * instead of folding 10⁵ names; a hash that matches only makes the row a candidate, which the caller
 * still tests as it tests every record (a collision costs a test, never a wrong answer).
 *
 * The hashes are of what the folding functions return: a checkpoint written by a version whose folding
 * differs would answer wrongly, so it carries a fingerprint of the functions (their output on a fixed set
 * of awkward inputs) and its key columns are used only when the reader's fingerprint is the same.
 */
import { normaliseCreditCode } from '../domain/credit-code.js';
import { normaliseIdNumber } from '../domain/id-number.js';
import { subjectKeyOf } from '../domain/identity.js';
import { foldKey } from '../domain/text.js';
import type { StoredRecord } from './stored.js';

/** FNV-1a over the UTF-16 code units of s[from, to). */
export function fnv(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const hash = (s: string): number => fnv(s, 0, s.length);

export interface KeyColumns {
  /** fnv(foldKey(subjectName)) */
  name: Uint32Array;
  /** fnv(normaliseCreditCode(creditCode)) */
  creditCode: Uint32Array;
  /** fnv(normaliseIdNumber(idNumber)) */
  idNumber: Uint32Array;
  /** fnv(subjectKeyOf(record).key) */
  subject: Uint32Array;
}

/** The keys a caller looks for (each already folded as its column is); a row matching any is a candidate. */
export interface KeyQuery {
  name?: readonly string[];
  creditCode?: readonly string[];
  idNumber?: readonly string[];
  subject?: readonly string[];
}

/** One record's four key hashes, into `into`: the checkpoint's encoder adds a record at a time. */
export function keyHashes(r: StoredRecord, into: [number, number, number, number]): void {
  into[0] = hash(foldKey(r.subjectName));
  into[1] = hash(normaliseCreditCode(r.creditCode));
  into[2] = hash(r.idNumber === '' ? '' : normaliseIdNumber(r.idNumber));
  into[3] = hash(subjectKeyOf(r).key);
}

/** Rows (marked 1 in `into`) whose key hash is one of the query's. */
export function markKeys(keys: KeyColumns, query: KeyQuery, into: Uint8Array): void {
  for (const field of ['name', 'creditCode', 'idNumber', 'subject'] as const) {
    const wanted = query[field];
    if (!wanted || wanted.length === 0) continue;
    const col = keys[field];
    const hashes = new Set(wanted.map(hash));
    if (hashes.size === 1) {
      const h = hashes.values().next().value as number;
      for (let k = 0; k < col.length; k++) if (col[k] === h) into[k] = 1;
    } else for (let k = 0; k < col.length; k++) if (hashes.has(col[k] as number)) into[k] = 1;
  }
}

const PROBES = [
  ' 新乡市　某某 有限公司 ',
  'ＡＢＣ－１２３ｘ',
  '91410700-ma3x 7k2p20',
  '41070219900101001x',
  'a_x000D_b\u00a0c\u200bd\ufeff',
  '（株）〔2026〕',
];

let fingerprint: number | undefined;

/** The folding functions' output on fixed inputs, hashed: a checkpoint's key columns are used only under the same. */
export function keyFingerprint(): number {
  if (fingerprint !== undefined) return fingerprint;
  const parts: string[] = [];
  for (const p of PROBES) {
    parts.push(foldKey(p), normaliseCreditCode(p), normaliseIdNumber(p));
    for (const subjectType of ['自然人', '法人及非法人组织'])
      for (const idType of ['居民身份证', '护照', ''])
        parts.push(subjectKeyOf({ subjectType, subjectName: p, creditCode: p, idType, idNumber: p }).key);
  }
  parts.push(subjectKeyOf({ subjectType: '自然人', subjectName: '', creditCode: '', idType: '', idNumber: '410702199001010010' }).key);
  parts.push(subjectKeyOf({ subjectType: '', subjectName: '', creditCode: '91410700MA3X7K2P20', idType: '', idNumber: '' }).key);
  // Never 0 (0 is "no key columns").
  fingerprint = hash(parts.join('\u0001')) || 1;
  return fingerprint;
}
