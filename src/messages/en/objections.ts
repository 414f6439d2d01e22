/** English words of the objection commands (the shape: ../types.ts ObjectionUi). */
import type { ObjectionUi } from '../types.js';
import { countEn } from './words.js';

export const enObjectionUi: ObjectionUi = {
  help: {
    objection: 'objections: record, list and resolve them, write the letter',
    add: 'record an objection received (in the register; its record is flagged)',
    received: 'date received YYYY-MM-DD',
    from: 'who objected',
    summary: 'what the objection says, in short',
    record: 'the record id it concerns (as register list shows it)',
    subject: 'the subject it concerns: credit code, ID number or name',
    channel: 'how it came in: 信用中国, 来函, 来访, 电话, 其他',
    providerCheck: 'the data provider must verify (7 working days)',
    list: 'list objections and their deadlines',
    open: 'only those still open (default)',
    overdue: 'only those open past their deadline; exit 1 when there are any (for a scheduled check)',
    all: 'every objection',
    year: 'only those received in a year',
    resolve: 'record how an objection was resolved',
    number: 'the objection number, e.g. O2026-007',
    outcome: 'outcome: 维持 (upheld), 更正 (corrected), 撤销 (revoked)',
    opinion: 'the opinion',
    on: 'date resolved YYYY-MM-DD (default today)',
    letter: 'write the objection letter (Word document, for the city credit office)',
    out: 'save as (default objections/<number>-异议处理意见书.docx)',
    docNumber: 'the document number (发文字号), e.g. 新人社函〔2026〕7号 (default from config objections.letterNumber)',
    finding: 'what the check found (核查情况), written into the letter; the standard sentence when not given',
  },
  recorded: (number, recordId, subject, received) => `recorded objection ${number}: record ${recordId} (${subject}), received ${received}`,
  deadline: (deadline, n) =>
    deadline
      ? `deadline: ${deadline} (${countEn(n, 'working day')} after receipt)`
      : `deadline: pending (the calendar does not cover it; ${countEn(n, 'working day')} after receipt)`,
  resolved: (number, outcome, on) => `resolved objection ${number}: ${outcome} (${on})`,
  revoked: (id) => `record ${id} is revoked and no longer public; the next package lists it as revoked`,
  awaitingCorrection: (id) => `record ${id} awaits its department's corrected row (with 更正原文书号)`,
  letter: (path, bytes) =>
    `wrote the objection letter: ${path} (${countEn(bytes, 'byte')}; it carries full ID numbers, for the city credit office only)`,
  listColumns: ['Number', 'Subject', 'Identifier', 'Record', 'Received', 'Deadline', 'Days left', 'Status', 'Outcome'],
  listSummary: (n, today, split) =>
    `${countEn(n, 'objection')} (${today})` +
    (split && split.overdue + split.pending > 0 ? `: ${split.overdue} overdue, ${split.pending} with the deadline pending` : ''),
  pending: 'pending',
  closedOn: (on) => `closed ${on}`,
  status: { open: 'open', resolved: 'resolved' },
  outcomes: { 维持: 'upheld', 更正: 'corrected', 撤销: 'revoked' },
  overdue: 'overdue',
  late: 'late',
  awaiting: 'awaiting correction',
  closedBy: (number) => `revoked (with ${number})`,
};
