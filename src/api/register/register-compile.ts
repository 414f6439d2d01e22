/**
 * What compile does with a register (register.md "What compile does with a register"): only when
 * the workspace has a `register/` folder. The batch's records are checked against what is public on
 * `--today` (already active, changed, red on black, black on red, weak identity); records resent
 * unchanged are not published again; records whose 公示截止日期 falls in the quarter (and whose expiry
 * no earlier published package listed) and records revoked (撤销) since are listed as removals.
 *
 * The model is pure: `planRegister` takes the state and the batch and returns the findings and the
 * plan; compile adds the findings to its collector and writes the plan into the package.
 */
import type { Awaiting } from '../../schemas/documents/quarter-summary.js';
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import { subjectKeyOf } from '../../domain/identity.js';
import { hasRegister, loadRegister, wholeRecords, type Loaded } from '../../io/register/register-store.js';
import { parseLineAgain } from '../../register/chain.js';
import { fullRecords, type RecordSummary, type StoredRecord } from '../../register/stored.js';
import { summariesOf } from '../../register/stored-columns.js';
import type { CorrectedEntry, IsoDate, RemovalEntry } from '../../register/events.js';
import { changedColumns, contentHash } from '../../register/content.js';
import {
  awaitedObjection,
  candidateEntries,
  firstPublishedOn,
  statusOn,
  type RecordEntry,
  type RegisterState,
  type RowFilter,
} from '../../register/state.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { FieldKey } from '../../schemas/fields.js';
import { normaliseCreditCode } from '../../domain/credit-code.js';
import { normaliseIdNumber, typedIdNumber } from '../../domain/id-number.js';
import { foldDecisionNo } from '../../domain/identity.js';
import { parseDateText } from '../../domain/dates.js';
import { foldKey } from '../../domain/text.js';
import { REMOVAL_RULES } from '../../rules/register/index.js';
import { correctedReasonZh } from '../../messages/register-codes.js';
import { removalDuplicates } from '../../rules/register/removal-duplicate.js';
import { REQUESTED_TYPES, type Candidate, type RemovalContext } from '../../rules/register/types.js';
import type { RemovalField, RemovalRequest } from '../../table/removal-sheet.js';

/** The package's view of the register: what is published, what is resent, what is removed. */
export interface RegisterPlan {
  /** The records to publish (the batch's records less those resent unchanged). */
  records: CreditRecord[];
  /** Ids resubmitted unchanged (already public). */
  unchanged: string[];
  removals: RemovalEntry[];
  /**
   * The removed records as they were published (for the 移出名单 sheet), keyed by id: the register's summary
   * of each (register/stored.ts), which holds every column the sheet shows.
   */
  removed: Map<string, RecordSummary>;
  /**
   * The records of `records` that correct a public record (truth.md): under the same 认定文书号 the
   * same id at its next revision, under a new one a new record (revision 1; the old one is in
   * `removals` as `corrected`); `changed`: the content columns that differ. In package order.
   */
  corrected: CorrectedEntry[];
}

/** A record a removal request names that a published batch (or a 撤销) has removed already. */
interface Gone {
  id: string;
  record: StoredRecord;
  removal: Omit<NonNullable<RemovalContext['removed']>, 'id'>;
}

export interface PlanFinding {
  diagnostic: RawDiagnostic;
  department: string;
}

/** The content columns in which a resent record differs from the published one (empty: unchanged; register/content.ts). */
export function changedFields(published: CreditRecord, sent: CreditRecord): FieldKey[] {
  return changedColumns(published, sent);
}

function locationOf(r: CreditRecord): { file: string; sheet?: string; row: number } {
  return { file: r.source.file, ...(r.source.sheet !== undefined ? { sheet: r.source.sheet } : {}), row: r.source.row };
}

/** Whether the latest publication of a record has had its removal (of `type`) listed by a published batch since `after`. */
function listedSince(entry: RecordEntry, type: RemovalEntry['type'], after: number): boolean {
  return entry.removals.some((r) => r.type === type && r.batch !== null && r.seq > after);
}

export interface PlanInput {
  state: RegisterState;
  /** The batch's checked records, in package order. */
  records: readonly CreditRecord[];
  /** What is public is asked of this day (`--today`). */
  today: IsoDate;
  /** The quarter's last day: records expiring on or before it are listed as expired. */
  quarterEnd: IsoDate;
  /** The batch's removal requests (移出申请 rows), matched and checked here. */
  requests?: readonly RemovalRequest[];
  /**
   * Loads whole records (a REGISTER_CHANGED comparison, a correction's changed columns): the register keeps only
   * their summary (register/stored.ts). Default: read back from the log's lines.
   */
  load?: (records: readonly StoredRecord[]) => CreditRecord[];
}

export function planRegister(input: PlanInput): { plan: RegisterPlan; findings: PlanFinding[] } {
  const { state, today } = input;
  const load = input.load ?? ((rs: readonly StoredRecord[]) => fullRecords(rs, parseLineAgain));
  const findings: PlanFinding[] = [];

  // What is public today, by id and by subject (list type apart).
  const active = new Map<string, StoredRecord>();
  const bySubject = new Map<string, { id: string; record: StoredRecord }[]>();
  const byKey = new Map<string, Candidate[]>();
  /** Records a removal request names that are removed already (not expired), by the request's keys. */
  const goneByKey = new Map<string, Gone[]>();
  const index = (key: string, c: Candidate): void => {
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  };
  // Only what the batch can run into is indexed: its ids, its subjects, the keys its removal requests
  // name (a province has 600,000 active records; indexing them all cost hundreds of MB per compile).
  const batchIds = new Set(input.records.map((r) => r.id));
  const batchSubjects = new Set(input.records.map((r) => subjectKeyOf(r).key));
  const requestKeys = new Set((input.requests ?? []).map((q) => requestKey(q)));
  const wantRequests = requestKeys.size > 0;
  const runsInto = (r: RecordSummary): boolean => {
    if (batchIds.has(r.id) || batchSubjects.has(subjectKeyOf(r).key)) return true;
    if (!wantRequests) return false;
    return (
      (r.idNumber !== '' && requestKeys.has(`i|${normaliseIdNumber(r.idNumber)}`)) ||
      (r.creditCode !== '' && requestKeys.has(`c|${normaliseCreditCode(r.creditCode)}`)) ||
      requestKeys.has(`n|${foldKey(r.subjectName)}`)
    );
  };
  // Read through a checkpoint, only the entries of records that may run into the batch are made (register/lazy-state.ts),
  // and only the rows whose keys' hashes are the batch's are tested (register/key-columns.ts).
  const keyed = (tag: string): string[] => [...requestKeys].filter((k) => k.startsWith(tag)).map((k) => k.slice(2));
  const rows: RowFilter = {
    ids: batchIds,
    subject: [...batchSubjects],
    ...(wantRequests ? { idNumber: keyed('i|'), creditCode: keyed('c|'), name: keyed('n|') } : {}),
  };
  for (const entry of candidateEntries(state, runsInto, { rows })) {
    const s = statusOn(entry, today);
    if (s?.status === 'removed' && wantRequests && s.removal && s.removal.type !== 'expired') {
      // Removed already (a department re-sending last quarter's 移出申请): its REMOVAL_NOT_FOUND says when and how.
      const r = s.record;
      const removal = { type: s.removal.type, on: s.removal.on ?? today, batch: s.removal.batch };
      for (const key of requestKeysOf(r))
        if (requestKeys.has(key)) (goneByKey.get(key) ?? goneByKey.set(key, []).get(key))?.push({ id: s.id, record: r, removal });
    }
    if (s?.status !== 'active') continue;
    // `active` holds every record the plan may name: resent, corrected, run into, or requested for removal.
    if (batchIds.has(s.id)) active.set(s.id, s.record);
    const subject = subjectKeyOf(s.record).key;
    if (batchSubjects.has(subject)) {
      active.set(s.id, s.record);
      const key = `${s.record.listType}|${subject}`;
      const list = bySubject.get(key);
      if (list) list.push({ id: s.id, record: s.record });
      else bySubject.set(key, [{ id: s.id, record: s.record }]);
    }
    if (wantRequests) {
      // A correction under its own 认定文书号 keeps the record: it was published at its first revision.
      const c = { id: s.id, record: s.record, publishedOn: firstPublishedOn(entry, today) ?? s.publishedOn };
      const r = s.record;
      for (const key of requestKeysOf(r)) {
        if (requestKeys.has(key)) {
          active.set(s.id, s.record);
          index(key, c);
        }
      }
    }
  }

  const requested = matchRequests(input.requests ?? [], byKey, today, findings, goneByKey);
  // Corrections: a row naming, in 更正原文书号, the decision of an active record of its department and subject.
  // Under a new 认定文书号 (another id) the old record is removed as corrected and the row published as new;
  // under its own number (the same id) the row is the record's next revision (truth.md).
  const correcting = new Map<CreditRecord, { id: string; record: StoredRecord }>();
  const sameNumber = new Set<CreditRecord>();
  for (const r of input.records) {
    if (!r.correctionOf) continue;
    const key = subjectKeyOf(r).key;
    const wanted = foldDecisionNo(r.correctionOf);
    // A record listed without 认定文书号 (its decision key is its 认定日期) is named by that date, written
    // as the department writes dates (2026/7/15, 2026年7月15日…), not only as 2026-07-15.
    const asDate = parseDateText(r.correctionOf);
    const target = [...(bySubject.get(`red|${key}`) ?? []), ...(bySubject.get(`black|${key}`) ?? [])].find(
      (o) =>
        o.record.department === r.department &&
        (foldDecisionNo(o.record.decisionNo || o.record.decisionDate) === wanted ||
          (!o.record.decisionNo && asDate.ok && asDate.date === o.record.decisionDate)),
    );
    if (!target) {
      findings.push({
        department: r.department,
        diagnostic: makeDiagnostic(
          'CORRECTION_TARGET_NOT_FOUND',
          { decisionNo: r.correctionOf, department: r.department },
          { ...locationOf(r), field: 'correctionOf' },
        ),
      });
      continue;
    }
    if (target.id === r.id) {
      sameNumber.add(r);
      continue;
    }
    correcting.set(r, target);
    // Its 移出名单 row says when and why (truth.md): dated by the re-issued decision (its 认定日期, never before
    // the old record's first publication nor after today) — not by the day compile ran — and naming the new number.
    if (!requested.some((x) => x.id === target.id))
      requested.push({
        id: target.id,
        type: 'corrected',
        on: correctedOn(r, state.records.get(target.id), today),
        reason: correctedReasonZh(r.decisionNo || r.decisionDate),
        department: r.department,
      });
  }
  const requestedIds = new Set(requested.map((r) => r.id));
  const violationIds = new Set(requested.filter((r) => r.type === 'violation').map((r) => r.id));

  // The published records a resent row is compared with: by the content hash their publication stored
  // when it says the row is the same, else loaded whole (to name the columns that differ), once.
  // A row of a record the batch removes is compared too: resent as it is, it is not published again.
  const resent = input.records.filter((r) => active.has(r.id) && !correcting.has(r));
  const sameContent = new Set(resent.filter((r) => (active.get(r.id) as StoredRecord).content === contentHash(r)));
  const toLoad = [
    ...new Set([...resent.filter((r) => !sameContent.has(r)).map((r) => r.id), ...[...correcting.values()].map((t) => t.id)]),
  ];
  const whole = new Map(load(toLoad.map((id) => active.get(id) as StoredRecord)).map((w, i) => [toLoad[i] as string, w]));

  const publish: CreditRecord[] = [];
  const unchanged: string[] = [];
  const corrected: CorrectedEntry[] = [];
  /** The objection resolved 更正 that a correction of `id` answers (named in REGISTER_CORRECTION_APPLIED). */
  const answers = (id: string, r: CreditRecord, where: ReturnType<typeof locationOf>, changed: FieldKey[]): void => {
    const entry = state.records.get(id);
    const o = entry ? awaitedObjection(entry, today) : undefined;
    if (o)
      findings.push({
        department: r.department,
        diagnostic: makeDiagnostic('REGISTER_CORRECTION_APPLIED', { id, objection: o.objection, fields: changed }, where),
      });
  };
  for (const r of input.records) {
    const subject = subjectKeyOf(r);
    const where = locationOf(r);
    if (subject.weak)
      findings.push({
        department: r.department,
        diagnostic: makeDiagnostic('REGISTER_WEAK_IDENTITY', { id: r.id, subject: r.subjectName }, where),
      });
    const published = active.get(r.id);
    const target = correcting.get(r);
    const gone = published || target ? undefined : removedBefore(state.records.get(r.id), today);
    if (gone) {
      // The bureau removed it (a 撤销 at once, a removal once its batch was published): the same decision
      // resent is not listed again — only a new decision (a new 认定文书号, a new id) may list the subject.
      findings.push({
        department: r.department,
        diagnostic: makeDiagnostic(
          'REGISTER_REMOVED_RESENT',
          { id: r.id, type: gone.type, on: gone.on, department: gone.department },
          where,
        ),
      });
      continue;
    }
    if (target) {
      const changed = changedColumns(whole.get(target.id) as CreditRecord, r);
      // `replaces`: the record it corrects, so that diff, register show and records.json name the same pair.
      corrected.push({ id: r.id, revision: 1, changed, replaces: target.id });
      answers(target.id, r, where, changed);
    } else if (published) {
      const fields = sameContent.has(r) ? [] : changedColumns(whole.get(r.id) as CreditRecord, r);
      if (fields.length === 0) {
        // Also when the batch removes it (a whole list resent beside its 移出申请, or the old row beside
        // its correction under a new 认定文书号): published again it would stay public after its removal.
        findings.push({
          department: r.department,
          diagnostic: makeDiagnostic(
            'REGISTER_ALREADY_ACTIVE',
            { id: r.id, department: published.department, quarter: published.batch },
            where,
          ),
        });
        unchanged.push(r.id);
        continue;
      }
      const entry = state.records.get(r.id);
      if (requestedIds.has(r.id)) {
        // Changed and removed in one batch: neither a correction nor publishable (it would outlive its removal).
        findings.push({
          department: r.department,
          diagnostic: makeDiagnostic('REGISTER_CHANGED', { id: r.id, fields, department: published.department }, where),
        });
        continue;
      }
      if (sameNumber.has(r) || (entry && awaitedObjection(entry, today))) {
        // The record's next revision: published again under its id, the old content no longer public.
        corrected.push({ id: r.id, revision: published.revision + 1, changed: fields });
        answers(r.id, r, where, fields);
      } else {
        findings.push({
          department: r.department,
          diagnostic: makeDiagnostic('REGISTER_CHANGED', { id: r.id, fields, department: published.department }, where),
        });
      }
    }
    const other = bySubject.get(`${r.listType === 'red' ? 'black' : 'red'}|${subject.key}`) ?? [];
    for (const o of other) {
      if (requestedIds.has(o.id) && (r.listType === 'red' || violationIds.has(o.id))) continue;
      if (r.listType === 'black')
        findings.push({
          department: r.department,
          diagnostic: makeDiagnostic('REGISTER_RED_ON_BLACK', { id: o.id, department: o.record.department }, where),
        });
      else
        findings.push({
          department: r.department,
          diagnostic: makeDiagnostic('REGISTER_BLACK_ON_RED', { id: o.id, department: o.record.department }, where),
        });
    }
    publish.push(r);
  }

  // Expiry and 撤销: every record whose latest publication is not yet listed as gone.
  const removals: RemovalEntry[] = [...requested];
  const removed = new Map<string, StoredRecord>();
  for (const r of requested) {
    const rec = active.get(r.id) ?? latest(state.records.get(r.id));
    if (rec) removed.set(r.id, rec);
  }
  const expired: RemovalEntry[] = [];
  const revoked: RemovalEntry[] = [];
  const publishing = new Set(publish.map((r) => r.id));
  // A record expires by its 公示截止日期, is revoked by an objection: only those entries are made (lazy-state.ts).
  const expiring = { removedOut: true, rows: { publishUntilTo: input.quarterEnd } };
  for (const entry of candidateEntries(state, (r) => r.publishUntil <= input.quarterEnd, expiring)) {
    const pub = entry.publications[entry.publications.length - 1];
    if (!pub || pub.on > today || requestedIds.has(entry.id)) continue;
    const since = pub.seq;
    const gone = entry.removals.filter((x) => x.seq > since);
    const revoke = gone.find((x) => x.type === 'revoked' && x.batch === null);
    if (revoke) {
      if (!listedSince(entry, 'revoked', revoke.seq)) {
        revoked.push({ id: entry.id, type: 'revoked', on: revoke.on, reason: revoke.reason, department: pub.record.department });
        removed.set(entry.id, pub.record);
      }
      continue;
    }
    if (gone.length > 0) continue; // removed by a published batch (violation, early, corrected, expired)
    // A record this batch lists anew (it expired by its date, and the department sent it again with a later
    // 公示截止日期) is published, not expired: the package would otherwise list one id in 黑名单 and, as 到期,
    // in 移出名单, and the register (which replays the publication after the removal) shows it active.
    if (pub.record.publishUntil <= input.quarterEnd && !publishing.has(entry.id)) {
      expired.push({ id: entry.id, type: 'expired', on: pub.record.publishUntil, reason: '', department: pub.record.department });
      removed.set(entry.id, pub.record);
    }
  }
  const byDate = (a: RemovalEntry, b: RemovalEntry): number =>
    (a.on ?? '') < (b.on ?? '') ? -1 : (a.on ?? '') > (b.on ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  removals.push(...revoked.sort(byDate), ...expired.sort(byDate));
  // A row resent unchanged is `unchanged` only while its record stays public: the batch that removes it (a 移出申请
  // beside it, its expiry, a 撤销) counts the removal alone, as diff, register list/show and the public list
  // after it say (one fact, one figure: truth.md; round 30). Its REGISTER_ALREADY_ACTIVE stays (not published again).
  const leaving = new Set(removals.map((r) => r.id));
  const stays = unchanged.filter((id) => !leaving.has(id));
  // The 移出名单's rows are the removed records' summary columns (removed-sheet.ts): read from the register as it
  // was read (its log hashed, its checkpoint checked), never their lines again — a province's quarter expires
  // ~25,000 records spread over most of its 40 lines (~0.7 GB read and hashed a second time). Made when first
  // asked (the package's sheets; a dry run, status and the reports never ask), each text column read once for
  // all of them and not kept (stored-columns.ts summariesOf).
  const plan: RegisterPlan = { records: publish, unchanged: stays, removals, removed: new Map(), corrected };
  summariesWhenAsked(plan, removed);
  return { plan, findings };
}

/**
 * plan.removed made when first asked, from the records of `removed` (then let go). Defined apart from planRegister:
 * a getter made inside it would share its scope's closure context and keep the whole register state alive (a
 * province's checkpoint parts, ~70 MB) for as long as the plan lives (compile's workbooks).
 */
function summariesWhenAsked(plan: RegisterPlan, removed: Map<string, StoredRecord>): void {
  let summaries: Map<string, RecordSummary> | undefined;
  Object.defineProperty(plan, 'removed', {
    enumerable: true,
    configurable: true,
    get(): Map<string, RecordSummary> {
      if (!summaries) {
        const of = summariesOf([...removed.values()]);
        summaries = new Map([...removed.keys()].map((id, i) => [id, of[i] as RecordSummary]));
        // The records made from the checkpoint's columns are let go: they held every part read (compile.ts).
        removed.clear();
      }
      return summaries;
    },
  });
}

/** The key a removal request looks records up by: its 证件号码, else its credit code, else its name folded. */
function requestKey(request: RemovalRequest): string {
  const c = request.cells;
  // An ID typed in groups (410702-19850312-0156) is the number, as in a list row (domain/id-number.ts typedIdNumber).
  const id = c.idNumber?.text ? typedIdNumber(c.idNumber.text) : '';
  const code = c.creditCode?.text ? normaliseCreditCode(c.creditCode.text) : '';
  return id ? `i|${id}` : code ? `c|${code}` : `n|${foldKey(c.subjectName?.text ?? '')}`;
}

/** Matches each removal request against what is public, runs the removal rules, and returns the removals accepted. */
/** The keys a removal request may name a record by: its 证件号码, its 统一社会信用代码, its name. */
function requestKeysOf(r: Pick<StoredRecord, 'idNumber' | 'creditCode' | 'subjectName'>): string[] {
  return [
    r.idNumber ? `i|${normaliseIdNumber(r.idNumber)}` : '',
    r.creditCode ? `c|${normaliseCreditCode(r.creditCode)}` : '',
    `n|${foldKey(r.subjectName)}`,
  ].filter((k) => k !== '');
}

function matchRequests(
  requests: readonly RemovalRequest[],
  byKey: Map<string, Candidate[]>,
  today: IsoDate,
  findings: PlanFinding[],
  goneByKey: ReadonlyMap<string, readonly Gone[]> = new Map(),
): RemovalEntry[] {
  const accepted: { id: string; request: RemovalRequest; entry: RemovalEntry }[] = [];
  for (const request of requests) {
    const c = request.cells;
    const listText = c.listType?.text ?? '';
    const listType = listText.includes('红') ? 'red' : listText.includes('黑') ? 'black' : undefined;
    let candidates = byKey.get(requestKey(request)) ?? [];
    if (listType) candidates = candidates.filter((x) => x.record.listType === listType);
    const decision = c.decisionNo?.text ? foldDecisionNo(c.decisionNo.text) : '';
    const named = (x: { record: Pick<StoredRecord, 'listType' | 'decisionNo' | 'decisionDate'> }): boolean =>
      (!listType || x.record.listType === listType) &&
      (!decision || foldDecisionNo(x.record.decisionNo || x.record.decisionDate) === decision);
    if (decision) candidates = candidates.filter((x) => foldDecisionNo(x.record.decisionNo || x.record.decisionDate) === decision);
    const gone = candidates.length === 0 ? (goneByKey.get(requestKey(request)) ?? []).filter(named) : [];
    const type = REQUESTED_TYPES[foldKey(c.removalType?.text ?? '')];
    const on = c.reviewedOn?.date ?? c.filedOn?.date ?? today;
    let rejected = false;
    const department = request.department ?? '';
    const ctx: RemovalContext = {
      request,
      today,
      ...(type ? { type } : {}),
      ...(listType ? { listType } : {}),
      candidates,
      ...(candidates.length === 1 ? { matched: candidates[0] as Candidate } : {}),
      ...(gone.length === 1 ? { removed: { id: (gone[0] as Gone).id, ...(gone[0] as Gone).removal } } : {}),
      on: on > today ? today : on,
      report: (codeName, args, field?: RemovalField) => {
        const cell = field ? c[field] : undefined;
        findings.push({
          department,
          diagnostic: makeDiagnostic(codeName, args as never, {
            file: request.file,
            ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
            row: request.row,
            // The header's name beside the letter, as every other finding ("H 列（审查日期）").
            ...(cell && field ? { column: cell.column, field: removalLocationField(field) } : {}),
          }),
        });
      },
      reject: () => {
        rejected = true;
      },
    };
    for (const rule of REMOVAL_RULES) {
      rule.check(ctx);
      if (rejected) break;
    }
    if (rejected || !ctx.matched || !type) continue;
    const entry: RemovalEntry = {
      id: ctx.matched.id,
      type,
      on: ctx.on,
      reason: c.reason?.text ?? '',
      department,
      ...(c.filedOn?.date ? { filedOn: c.filedOn.date } : {}),
    };
    accepted.push({ id: ctx.matched.id, request, entry });
  }
  const dup = removalDuplicates(accepted);
  findings.push(...dup.findings);
  return accepted.filter((a) => !dup.later.has(a.request)).map((a) => a.entry);
}

/** The day a correction under a new 认定文书号 removes the old record: the new decision's date, within the old one's publication and today. */
function correctedOn(row: CreditRecord, old: RecordEntry | undefined, today: IsoDate): IsoDate {
  const first = old ? firstPublishedOn(old, today) : undefined;
  let on = (row.decisionDate || today) as IsoDate;
  if (first !== undefined && on < first) on = first;
  return on > today ? today : on;
}

/** How a record was removed, when it is removed on `today` (not expired: an expired record may be listed anew). */
function removedBefore(
  entry: RecordEntry | undefined,
  today: IsoDate,
): { type: 'violation' | 'early' | 'revoked' | 'corrected'; on: IsoDate; department: string } | undefined {
  const s = entry ? statusOn(entry, today) : undefined;
  if (s?.status !== 'removed' || !s.removal || s.removal.type === 'expired') return undefined;
  return { type: s.removal.type, on: s.removal.on ?? today, department: s.record.department };
}

function latest(entry: RecordEntry | undefined): StoredRecord | undefined {
  return entry?.publications[entry.publications.length - 1]?.record;
}

export { hasRegister };

/** Loads the register (REGISTER_CORRUPT when broken) and plans the batch against it. */
export function planFromWorkspace(
  workspace: string,
  input: Omit<PlanInput, 'state' | 'load'>,
  loaded: Loaded = loadRegister(workspace),
): { plan: RegisterPlan; findings: PlanFinding[] } {
  return planRegister({ ...input, state: loaded.state, load: wholeRecords });
}

/** What a department still has to send: its one schema is schemas/documents/quarter-summary.ts (status's `awaiting`). */
export type { Awaiting };

/**
 * From the plan's findings and the register: a red record another department's black row runs into
 * awaits its department's 违法违规移出; a record resent with other values (REGISTER_CHANGED), or whose
 * objection was resolved as 更正, awaits its department's corrected row.
 */
export function awaitingByDepartment(
  state: RegisterState,
  findings: readonly PlanFinding[],
  plan: RegisterPlan,
  today: IsoDate,
): Record<string, Awaiting> {
  const out: Record<string, Awaiting> = Object.create(null) as Record<string, Awaiting>;
  const of = (dept: string): Awaiting => (out[dept] ??= { removals: [], corrections: [] });
  const add = (list: string[], id: string): void => {
    if (!list.includes(id)) list.push(id);
  };
  const handled = new Set([...plan.removals.map((r) => r.id), ...plan.corrected.map((c) => c.id)]);
  for (const f of findings) {
    const d = f.diagnostic;
    if (d.code === 'REGISTER_RED_ON_BLACK') add(of(d.args.department).removals, d.args.id);
    else if (d.code === 'REGISTER_CHANGED') add(of(d.args.department).corrections, d.args.id);
  }
  // Awaiting a correction needs an objection: only entries an objection names are made (lazy-state.ts).
  for (const entry of candidateEntries(state, () => false, { rows: {} })) {
    const s = statusOn(entry, today);
    if (s?.awaitingCorrection && !handled.has(s.id)) add(of(s.record.department).corrections, s.id);
  }
  return out;
}

/** Loads the register and plans the batch, with what each department still has to send. */
export function planWithAwaiting(
  workspace: string,
  input: Omit<PlanInput, 'state' | 'load'>,
  loaded: Loaded = loadRegister(workspace),
): { plan: RegisterPlan; findings: PlanFinding[]; awaiting: Record<string, Awaiting> } {
  const { state } = loaded;
  const planned = planRegister({ ...input, state, load: wholeRecords });
  return { ...planned, awaiting: awaitingByDepartment(state, planned.findings, planned.plan, input.today) };
}

/**
 * A 移出申请 column as a finding's `location.field`: the list's keys as they are; its 审查日期 under a key of its own
 * (`reviewedOn` names the cover's 审核日期), so the location reads "H 列（审查日期）".
 */
function removalLocationField(field: RemovalField): string {
  return field === 'reviewedOn' ? 'removalReviewedOn' : field;
}
