/**
 * Registers written by other tools (docs/decisions.md "Registers written by other tools"). Another
 * program that follows register.md and objections.md literally writes the same events under other
 * spellings: the publish line of register.md's example (no `on`, no `unchanged`), objections.md's
 * names (`number`, `recordId`, `received`, `resolvedOn`, `opinion`, outcome 维持/更正/撤销), an import
 * dated `publishedOn`, a first `prev` of "" or 64 zeros or none, an upper-case hash, a hash taken of
 * another serialisation (Python's json.dumps, key order as written, `\uXXXX` escapes), and ids computed
 * its own way. The reader (chain.ts) accepts them through the one step here, after the line's bytes
 * are checked against its hash: the event is put under our names, and what the hash covers is what
 * was written, so any value edited, any event deleted or moved still breaks the chain.
 *
 * Our own writer is unchanged (canonical JSON, `\n`), and its lines never come here: a line whose byte
 * hash matches and that needs no renaming is used as it is.
 */
import { addDays, addMonths, isIsoDate } from '../domain/dates.js';
import { checkIdNumber, typedIdNumber } from '../domain/id-number.js';
import { recordIdentity, type IdentitySource } from '../domain/identity.js';
import { formatBatch, parseBatch } from '../domain/quarter.js';
import { SEVERITY_MAX_MONTHS, type Severity3 } from '../schemas/enums.js';
import { buildMatrix, type Matrix } from '../schemas/matrix.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { changedColumns } from './content.js';
import { OBJECTION_OUTCOMES } from './events.js';
import { textOf } from './stored.js';

type Obj = Record<string, unknown>;

// A hash in upper case (as .NET's ToString("X2") writes it) — all of it: a hash of mixed case is no tool's
// output, and refusing it keeps any single byte changed visible (model.test.ts).
const HEX64_ANY = /^(?:[0-9a-f]{64}|[0-9A-F]{64})$/;
const ZEROS = /^0{64}$/;

/** objections.md's outcomes in Chinese, as another tool may store them. */
const OUTCOMES: Readonly<Record<string, string>> = OBJECTION_OUTCOMES;

function setIfAbsent(e: Obj, key: string, value: unknown): void {
  if (e[key] === undefined && value !== undefined) e[key] = value;
}

type RecordOfObjection = (objection: string) => string | undefined;

/**
 * The event under our names: a new top-level object (the parsed one is left as written, for the hash
 * fallbacks); nested values are shared. `first`: the log's first line (its `prev` may be "", zeros or
 * absent). `recordOf`: the record an earlier objection-add of that number named (a resolve without recordId).
 * What cannot be read this way is left as it is, and wellFormed refuses it.
 */
export function normaliseEvent(parsed: Obj, first: boolean, recordOf: RecordOfObjection = () => undefined): Obj {
  const e: Obj = { ...parsed };
  if (typeof e.hash === 'string' && HEX64_ANY.test(e.hash)) e.hash = e.hash.toLowerCase();
  if (first && (e.prev === undefined || e.prev === '' || (typeof e.prev === 'string' && ZEROS.test(e.prev)))) e.prev = null;
  else if (typeof e.prev === 'string' && HEX64_ANY.test(e.prev)) e.prev = e.prev.toLowerCase();
  const batch = canonicalBatch(e);
  if (batch !== undefined) e.batch = batch;
  switch (e.type) {
    case 'publish':
      // register.md's example line has no `on`: the day it was recorded (`at` carries its +08:00 offset).
      if (typeof e.at === 'string' && /^\d{4}-\d{2}-\d{2}/.test(e.at)) setIfAbsent(e, 'on', e.at.slice(0, 10));
      setIfAbsent(e, 'removals', []);
      setIfAbsent(e, 'unchanged', []);
      break;
    case 'import':
      setIfAbsent(e, 'on', e.publishedOn);
      setIfAbsent(e, 'files', []);
      break;
    case 'note':
      setIfAbsent(e, 'ids', []);
      break;
    case 'objection-add':
      setIfAbsent(e, 'objection', e.number);
      setIfAbsent(e, 'id', e.recordId);
      setIfAbsent(e, 'on', e.received);
      break;
    case 'objection-resolve':
      setIfAbsent(e, 'objection', e.number);
      setIfAbsent(e, 'id', e.recordId);
      // objections.md's `objection resolve <number>` names the objection only: its record is the one the
      // objection-add of that number named (recordId is optional on the line; decisions.md).
      if (typeof e.objection === 'string') setIfAbsent(e, 'id', recordOf(e.objection));
      setIfAbsent(e, 'on', e.resolvedOn);
      setIfAbsent(e, 'reason', e.opinion);
      if (typeof e.outcome === 'string' && OUTCOMES[e.outcome.trim()] !== undefined) e.outcome = OUTCOMES[e.outcome.trim()];
      break;
  }
  return e;
}

/**
 * A publish or import event's batch in register.md's other spelling (`2026年第三季度第2批`, `2026年第三季度`,
 * `2026q3`): the batch as this tool names it (`2026Q3-2`), else undefined (already so, or not a batch). Kept as
 * written, `diff 2026Q3-2` and REGISTER_BATCH_ORDER did not find it and the list showed two names for one batch.
 */
function canonicalBatch(e: Obj): string | undefined {
  if ((e.type !== 'publish' && e.type !== 'import') || typeof e.batch !== 'string') return undefined;
  const b = parseBatch(e.batch.trim());
  const named = b && formatBatch(b);
  return named !== undefined && named !== e.batch ? named : undefined;
}

/** A well-formed event that still speaks another tool's language (an outcome in Chinese, 撤销; a first prev of zeros; a batch). */
export function foreignSpelling(e: Obj, first: boolean): boolean {
  return (
    (e.type === 'objection-resolve' && typeof e.outcome === 'string' && OUTCOMES[e.outcome.trim()] !== undefined) ||
    (first && typeof e.prev === 'string' && ZEROS.test(e.prev)) ||
    canonicalBatch(e) !== undefined
  );
}

/** Whether the top-level keys are in code-point order, as canonical JSON (our writer) writes them. */
export function sortedKeys(o: Obj): boolean {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) if (!((keys[i - 1] as string) < (keys[i] as string))) return false;
  return true;
}

/**
 * Gives every record of an event from another tool the id OUR identity gives it (identity.ts: one pure
 * function computes ids), remembering the id the line wrote, when another, in `aliases` (theirs →
 * ours) so later events that name it still find the record. Records are changed in place (the parsed
 * line is ours to change once its hash is checked). False when a record is not an object.
 */
export function ownIds(records: unknown[], aliases: Map<string, string>): boolean {
  if (!records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) return false;
  for (const r of records as Obj[]) {
    canonicalRecord(r);
    const source: IdentitySource = {
      listType: r.listType as IdentitySource['listType'],
      domain: textOf(r.domain),
      subjectType: r.subjectType === undefined || r.subjectType === null ? undefined : textOf(r.subjectType),
      subjectName: textOf(r.subjectName),
      creditCode: textOf(r.creditCode),
      idType: r.idType === undefined || r.idType === null ? undefined : textOf(r.idType),
      idNumber: textOf(r.idNumber),
      decisionNo: textOf(r.decisionNo),
      decisionDate: textOf(r.decisionDate),
    };
    const ours = recordIdentity(source).id;
    if (typeof r.id === 'string' && r.id !== '' && r.id !== ours) aliases.set(r.id, ours);
    r.id = ours;
  }
  return true;
}

/**
 * Another tool's record as this tool's list reader would have made it from the same row (api/quarter/records.ts,
 * rules/row/): ID numbers read as numbers, the 证件类型 a number implies, the default 公示截止日期. Changed in place;
 * applied where the reader takes the line (ownIds) and where a record is read back from it (chain.ts
 * parseLineAgain), so that a REGISTER_CHANGED comparison, the 移出名单 and the ledger see what the list sees.
 */
export function canonicalRecord(r: Obj): void {
  ungroupIds(r);
  canonicalDepartment(r);
  const empty = (v: unknown): boolean => v === undefined || v === null || v === '';
  const has = (v: unknown): boolean => typeof v === 'string' && v !== '';
  // submission.md: 证件类型 "no; default 居民身份证" (a natural person's; a legal representative's when a number is given).
  if (empty(r.idType) && r.subjectType === '自然人' && has(r.idNumber)) r.idType = '居民身份证';
  if (empty(r.legalRepIdType) && has(r.legalRepIdNumber)) r.legalRepIdType = '居民身份证';
  defaultUntil(r);
}

let builtin: Matrix | undefined;

/**
 * A department another tool named by an alias of the matrix (`监察支队`, workspace.md "Departments") under its
 * name (`市劳动保障监察支队`), as a folder, a cover or `register import --department` resolves it. Kept as written,
 * the register's department was another department than the config's: compile counted its removals nowhere,
 * diff split one department in two, its own 移出申请 was REMOVAL_NOT_OWNER. The register is read without the
 * config (one history whatever the config says; a foreign log is never checkpointed): the built-in matrix's
 * names only. A name it does not know is kept as written. Changed in place (a record or a removal entry).
 */
export function canonicalDepartment(o: Obj): void {
  if (typeof o.department !== 'string' || o.department === '') return;
  builtin ??= buildMatrix();
  const named = builtin.resolveDepartment(o.department)?.name;
  if (named !== undefined && named !== o.department) o.department = named;
}

/** A foreign publish line's removals with their departments named as the matrix names them (canonicalDepartment). */
export function canonicalRemovals(e: Obj): Obj {
  if (e.type !== 'publish' || !Array.isArray(e.removals)) return e;
  const removals = e.removals.map((r: unknown) => {
    if (!isObj(r)) return r;
    const c = { ...r };
    canonicalDepartment(c);
    return c;
  });
  return { ...e, removals };
}

/**
 * A 居民身份证 number another tool stored as it was typed (`410703-19901102-0520`, full-width digits, the old
 * 15 digits) is read as the 18-digit number it names, as the list reader stores a row's (rules/row/id-number.ts)
 * before a record is made; a number that fails its check is kept as written. Left so, it was no subject key:
 * the record's identity fell back on the name (weak), its id was not the one register.md gives, and `register
 * show` / `objection add --subject` with the number found nothing. Other document types keep what was written
 * (a passport's hyphens are its own).
 */
function ungroupIds(r: Obj): void {
  for (const [type, num] of [
    ['idType', 'idNumber'],
    ['legalRepIdType', 'legalRepIdNumber'],
  ] as const) {
    const t = r[type];
    const v = r[num];
    if (typeof v !== 'string' || v === '' || !(t === undefined || t === null || t === '' || t === '居民身份证')) continue;
    const checked = checkIdNumber(typedIdNumber(v));
    if (checked.ok) r[num] = checked.value;
  }
}

/** The contract's general cap (config `publication.maxYears` by default), in months. */
const CAP_MONTHS = 36;

/**
 * A record another tool wrote without 公示截止日期 (submission.md: optional, "default decisionDate +
 * maxYears − 1 day") gets that default, as a list row without it does (rules/row/period.ts): black
 * records the shorter of the cap and their 失信程度's. Left without one, it was never public in
 * `register list` and compile listed its expiry with an empty 移出日期 (decisions.md "Registers written
 * by other tools"). The register is read without the config: a domain's own cap is not applied.
 */
function defaultUntil(r: Obj): void {
  if ((r.publishUntil !== undefined && r.publishUntil !== null && r.publishUntil !== '') || typeof r.decisionDate !== 'string') return;
  if (!isIsoDate(r.decisionDate)) return;
  const severity = r.listType === 'black' && typeof r.severity === 'string' ? r.severity.trim() : '';
  const months = Object.hasOwn(SEVERITY_MAX_MONTHS, severity)
    ? Math.min(CAP_MONTHS, SEVERITY_MAX_MONTHS[severity as Severity3])
    : CAP_MONTHS;
  r.publishUntil = addDays(addMonths(r.decisionDate, months), -1);
  r.publishUntilDefaulted = true;
}

/**
 * The revisions of another tool's publications. truth.md's `corrected` (id, revision, changed) is a
 * records.json key that register.md's event line does not name, so another tool's publish line carries
 * none: a record it publishes again while that record is still public (same id: same identity, truth.md
 * "the record keeps its id"), with other content, is a correction under its own 认定文书号, at the next
 * revision; with the same content it keeps its revision. Without this, diff listed such a correction as
 * added and register show had no revisions. A line that has its own `corrected` is read as written. Kept
 * for another tool's lines only (ours carry `corrected`); a removal or a 撤销 ends a record's run.
 */
export class ForeignRevisions {
  private readonly public = new Map<string, { revision: number; record: Obj }>();

  /** The event with the `corrected` its records imply (unchanged when none); to be called in log order. */
  follow(e: Obj): Obj {
    if (e.type === 'objection-resolve' && e.outcome === 'revoked' && typeof e.id === 'string') this.public.delete(e.id);
    if (e.type !== 'publish' && e.type !== 'import') return e;
    if (e.type === 'publish' && Array.isArray(e.removals))
      for (const r of e.removals) if (isObj(r) && typeof r.id === 'string') this.public.delete(r.id);
    const own = e.type === 'import' || Array.isArray(e.corrected);
    const on = typeof e.on === 'string' ? e.on : '';
    const corrected: { id: string; revision: number; changed: string[] }[] = [];
    for (const r of Array.isArray(e.records) ? e.records : []) {
      if (!isObj(r) || typeof r.id !== 'string') continue;
      const before = this.public.get(r.id);
      let revision = 1;
      if (own) {
        const listed = e.type === 'publish' ? (e.corrected as unknown[]).find((c) => isObj(c) && c.id === r.id) : undefined;
        if (isObj(listed) && typeof listed.revision === 'number') revision = listed.revision;
      } else if (before && !(typeof before.record.publishUntil === 'string' && before.record.publishUntil < on)) {
        const changed = changedColumns(before.record, r);
        revision = changed.length > 0 ? before.revision + 1 : before.revision;
        if (changed.length > 0) corrected.push({ id: r.id, revision, changed });
      }
      this.public.set(r.id, { revision, record: r });
    }
    return corrected.length > 0 ? { ...e, corrected } : e;
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The ids an event names (removals, corrected, unchanged, a note's ids, an objection's record), written as ours. */
export function translateIds(e: Obj, aliases: ReadonlyMap<string, string>): Obj {
  const to = (id: unknown): unknown => (typeof id === 'string' ? (aliases.get(id) ?? id) : id);
  const list = (v: unknown): unknown => (Array.isArray(v) ? v.map(to) : v);
  switch (e.type) {
    case 'publish':
      return {
        ...e,
        removals: Array.isArray(e.removals)
          ? e.removals.map((r: unknown) => (typeof r === 'object' && r !== null ? { ...(r as Obj), id: to((r as Obj).id) } : r))
          : e.removals,
        unchanged: list(e.unchanged),
        // truth.md's corrected[] names its record by id too: left as written, the revision it gives was
        // never found (register show: revision 1, changed []).
        corrected: Array.isArray(e.corrected)
          ? e.corrected.map((c: unknown) => (typeof c === 'object' && c !== null ? { ...(c as Obj), id: to((c as Obj).id) } : c))
          : e.corrected,
      };
    case 'note':
      return { ...e, ids: list(e.ids) };
    case 'objection-add':
    case 'objection-resolve':
      return { ...e, id: to(e.id) };
    default:
      return e;
  }
}

// ---- the hash of a line written by another tool -------------------------------------------------

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON as JSON.stringify (compact) or Python's json.dumps (`, ` and `: `) writes it, keys as parsed or sorted. */
function dumps(v: unknown, sort: boolean, python: boolean): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const comma = python ? ', ' : ',';
  if (Array.isArray(v)) return `[${v.map((x) => dumps(x, sort, python)).join(comma)}]`;
  const o = v as Obj;
  const keys = Object.keys(o);
  if (sort) keys.sort(byCodePoint);
  const colon = python ? ': ' : ':';
  return `{${keys.map((k) => `${JSON.stringify(k)}${colon}${dumps(o[k], sort, python)}`).join(comma)}}`;
}

/** Python's ensure_ascii: every character outside space…~ as \uXXXX (lower-case hex, UTF-16 units). */
function asciiOnly(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The top-level hash member, with any spacing: after a comma (last or middle member) or first with a comma after.
const MEMBER_AFTER = /\s*,\s*"hash"\s*:\s*"([0-9a-fA-F]{64})"/g;
const MEMBER_FIRST = /"hash"\s*:\s*"([0-9a-fA-F]{64})"\s*,\s*/g;

/** The line with its `hash` member (holding `expected`) taken out, however it is spaced. */
function strippedLines(line: string, expected: string): string[] {
  const out: string[] = [];
  for (const re of [MEMBER_AFTER, MEMBER_FIRST]) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if ((m[1] as string).toLowerCase() === expected) out.push(line.slice(0, m.index) + line.slice(m.index + m[0].length));
    }
  }
  return out;
}

type Candidate = (line: string, body: Obj, expected: string) => boolean;

const serialised =
  (sort: boolean, python: boolean, ascii: boolean): Candidate =>
  (_line, body, expected) => {
    const s = dumps(body, sort, python);
    return sha256Hex(ascii ? asciiOnly(s) : s) === expected;
  };

/**
 * The readings of "the SHA-256 of this object without hash" another tool may have taken, most likely
 * first: the line as written without its hash member (any spacing, hash first or last); our canonical
 * JSON of the parsed event; JSON.stringify in the line's key order; Python's json.dumps defaults
 * (`, `/`: `, \uXXXX escapes) and its variants, key order as written or sorted.
 */
const CANDIDATES: readonly Candidate[] = [
  (line, _body, expected) => strippedLines(line, expected).some((s) => sha256Hex(s) === expected),
  (_line, body, expected) => sha256Hex(canonicalJson(body)) === expected,
  serialised(false, false, false),
  serialised(false, true, true),
  serialised(false, true, false),
  serialised(false, false, true),
  serialised(true, true, true),
  serialised(true, true, false),
  serialised(true, false, true),
];

/**
 * Whether `line` (its parsed object `parsed`) carries the hash `expected` (lower case) under one of
 * the readings above. Only for lines whose bytes fail our own reading (chain.ts lineHash), so our logs
 * pay nothing; `hint` remembers the reading that matched last (a tool writes every line one way).
 */
export function foreignHashMatches(line: string, parsed: Obj, expected: string, hint: { last: number } = { last: 0 }): boolean {
  const { hash: _hash, ...body } = parsed;
  const first = CANDIDATES[hint.last] as Candidate;
  if (first(line, body, expected)) return true;
  for (let i = 0; i < CANDIDATES.length; i++) {
    if (i === hint.last) continue;
    if ((CANDIDATES[i] as Candidate)(line, body, expected)) {
      hint.last = i;
      return true;
    }
  }
  return false;
}
