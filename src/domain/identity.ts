/**
 * Record identity (register.md "Record identity"): one subject on one list in one domain from one
 * decision. The identity string is
 *
 *     listType|domain|subjectKey|decisionKey        e.g. black|劳动保障监察|410702199001010010|新人社监罚〔2026〕12号
 *
 * and the record's `id` is the first 12 lowercase hex digits of its SHA-256 (UTF-8). Every output that
 * names a record (records.json, findings, later the register, diff and objections) takes its id from
 * here; nothing else derives subject or decision keys. SHA-256 comes from node:crypto: a pure
 * computation (same input, same output, no state, no IO), so it belongs in the domain like the check
 * digits do.
 */
import { createHash } from 'node:crypto';
import { checkIdNumber, normaliseIdNumber } from './id-number.js';
import { normaliseCreditCode } from './credit-code.js';
import { foldKey } from './text.js';

/** The fields identity is made of; a record draft, a canonical record and a register record all have them. */
export interface IdentitySource {
  listType: 'red' | 'black';
  domain: string;
  /** 自然人 / 个体工商户 / 法人及非法人组织; undefined when the row's value is missing or unreadable. */
  subjectType?: string | undefined;
  subjectName: string;
  creditCode: string;
  /** Undefined or '' means 居民身份证, as the ID rule reads it. */
  idType?: string | undefined;
  idNumber: string;
  decisionNo: string;
  /** ISO date; a row whose date cannot be read may pass the cell's text. */
  decisionDate?: string | undefined;
}

export interface SubjectKey {
  key: string;
  /** Identified by the folded name only: no valid identifier (REGISTER_WEAK_IDENTITY). */
  weak: boolean;
}

export interface RecordIdentity {
  listType: 'red' | 'black';
  domain: string;
  subjectKey: string;
  /** Identified by the folded name only (REGISTER_WEAK_IDENTITY). */
  weak: boolean;
  decisionKey: string;
  /** `listType|domain|subjectKey|decisionKey`. */
  identity: string;
  /** First 12 lowercase hex digits of SHA-256(identity). */
  id: string;
}

export const IDENTITY_SEPARATOR = '|';
export const ID_LENGTH = 12;

// CREDIT_CODE_CHARSET as ranges (V8 runs a class of ranges several times faster than the list).
const CREDIT_CODE_FORM = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const ID_FORM = /^\d{17}[\dX]$/;

/**
 * A natural person's 证件号码 when valid: a 居民身份证 number (the type left empty counts as one) that
 * passes GB 11643-1999, 15-digit numbers upgraded to 18 so that both spellings are one person; another
 * document type, which has no national check, when its number holds a digit (not 无, /, 不详).
 */
function personKey(idType: string | undefined, idNumber: string): string | undefined {
  if (!idNumber) return undefined;
  const value = ID_FORM.test(idNumber) ? idNumber : normaliseIdNumber(idNumber);
  if (!idType || idType === '居民身份证') {
    const r = checkIdNumber(value);
    return r.ok ? r.value : undefined;
  }
  return /\d/.test(value) ? value : undefined;
}

/**
 * A 统一社会信用代码 counts when well formed (18 characters of the GB 32100 set). Its check characters
 * are not asked for: a code that fails them is already an error of its row, and the codes the config
 * allows despite the check (pilot-era codes) are real ones, so identity does not depend on config.
 */
function creditCodeKey(creditCode: string): string | undefined {
  if (!creditCode) return undefined;
  // Tested once when it is already in form (register list asks it of a province's 575,000 codes).
  if (CREDIT_CODE_FORM.test(creditCode)) return creditCode;
  const value = normaliseCreditCode(creditCode);
  return CREDIT_CODE_FORM.test(value) ? value : undefined;
}

/**
 * The subject key: the ID number of a natural person (when valid), else the 统一社会信用代码
 * (organisations, 个体工商户), else the folded name (weak). An unknown subject type may use either
 * identifier; an organisation's or 个体工商户's 证件号码 (its operator's) is never its key.
 */
export function subjectKeyOf(r: Pick<IdentitySource, 'subjectType' | 'subjectName' | 'creditCode' | 'idType' | 'idNumber'>): SubjectKey {
  if (r.subjectType === undefined || r.subjectType === '' || r.subjectType === '自然人') {
    const id = personKey(r.idType, r.idNumber);
    if (id !== undefined) return { key: id, weak: false };
  }
  const code = creditCodeKey(r.creditCode);
  if (code !== undefined) return { key: code, weak: false };
  return { key: foldKey(r.subjectName), weak: true };
}

// GB/T 9704 writes the year of a 发文字号 in 六角括号 〔〕; departments type every bracket there is.
// Full-width （）［］ are half-width by then.
const OPEN_BRACKETS = /[[(【〖﹝]/g;
const CLOSE_BRACKETS = /[\])】〗﹞]/g;
const ANY_BRACKET = /[[\]()【】〖〗﹝﹞]/;
// Text the folding leaves as it is (most 文书号 and every ISO date): skipped at a million rows.
const ALREADY_FOLDED = /^[0-9A-Z\u4e00-\u9fff〔〕\-./、]*$/;

/**
 * 认定文书号 folded: trimmed, half-width, no spaces at all, latin upper case (foldKey), and every
 * bracket as 〔 or 〕. 新人社监罚[2026] 12号 and 新人社监罚（２０２６）１２号 are 新人社监罚〔2026〕12号.
 */
export function foldDecisionNo(value: string): string {
  if (ALREADY_FOLDED.test(value)) return value;
  const f = foldKey(value);
  return ANY_BRACKET.test(f) ? f.replace(OPEN_BRACKETS, '〔').replace(CLOSE_BRACKETS, '〕') : f;
}

/** The decision key: the folded 认定文书号, else the 认定日期 (folded the same way). */
export function decisionKeyOf(r: Pick<IdentitySource, 'decisionNo' | 'decisionDate'>): string {
  const no = r.decisionNo ? foldDecisionNo(r.decisionNo) : '';
  return no || foldDecisionNo(r.decisionDate ?? '');
}

/** `listType|domain|subjectKey|decisionKey`: the string the id is the hash of. */
export function identityString(listType: 'red' | 'black', domain: string, subjectKey: string, decisionKey: string): string {
  return `${listType}|${domain}|${subjectKey}|${decisionKey}`;
}

/** The id of an identity string: the first 12 lowercase hex digits of its SHA-256 (UTF-8). */
export function idOfIdentity(identity: string): string {
  return createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, ID_LENGTH);
}

/** A record's identity and id. */
export function recordIdentity(r: IdentitySource): RecordIdentity {
  const subject = subjectKeyOf(r);
  const decisionKey = decisionKeyOf(r);
  const identity = identityString(r.listType, r.domain, subject.key, decisionKey);
  return {
    listType: r.listType,
    domain: r.domain,
    subjectKey: subject.key,
    weak: subject.weak,
    decisionKey,
    identity,
    id: idOfIdentity(identity),
  };
}
