/** English words of the register's commands (publish, register …, diff) (the shape: ../types.ts RegisterUi). */
import { clockTime } from '../../domain/zh-format.js';
import type { RegisterUi } from '../types.js';
import { countEn } from './words.js';

export const enRegisterUi: RegisterUi = {
  help: {
    publish: 'record that a batch’s package was published (verifies the package first)',
    publishBatch: 'the batch, e.g. 2026Q3',
    on: 'publication date YYYY-MM-DD (default today)',
    listOn: 'the list as it stood that day, YYYY-MM-DD (default today)',
    by: 'who publishes (default HRSS_CREDIT_USER, the config’s clerk, the OS user)',
    register: 'the register: every list published and its status',
    verify: 'check that the register’s event log is whole and unchanged',
    head: 'the SEQ:HASH noted at publication: check the log still reaches it',
    repair: 'cut an unfinished last line left by a crash, or blank lines after the last event (a copy is kept)',
    list: 'list the register’s records and their status',
    status: 'status: active, expired, removed or all',
    department: 'only this department',
    list_: 'list type: red or black',
    expiringBefore: 'only records whose publication ends before this date',
    find: 'find by name, code, ID number or record id',
    full: 'show full ID and phone numbers on screen (internal use; files written stay masked)',
    xlsx: 'also write the ledger (台账) as an Excel file',
    show: 'a record and every event that touched it',
    showQuery: 'record id, credit code, ID number or name',
    diff: 'how the public list changed between two batches (or package folders)',
    diffA: 'the earlier batch or package folder',
    diffB: 'the later batch or package folder',
    importCmd: 'bring in lists published before the tool was used (so their expiry and removals are tracked)',
    importFiles: 'list files (.xlsx or .csv, in the list format)',
    importBatch: 'the batch they were published in, e.g. 2025Q4',
    publishedOn: 'the day they were published, YYYY-MM-DD',
    importDepartment: 'the department (default: from the folder name)',
    note: 'add a remark to the register (changes no status)',
    noteText: 'the remark',
    noteId: 'a record id the remark is about (repeatable)',
  },
  noted: (seq) => `remark recorded (register event ${seq})`,
  strictRefused: 'under --strict the warnings above count as errors: nothing was written, the register is unchanged',
  imported: (b, on, n) => `imported: ${b} (published ${on}), ${countEn(n, 'record')}`,
  published: (b, on, n, r) => `recorded: ${b} published on ${on}, ${countEn(n, 'record')}${r ? `, ${countEn(r, 'removal')}` : ''}`,
  alreadyPublished: (b, on, seq) =>
    `this package of ${b} was already recorded as published on ${on} (register event ${seq}); nothing changed`,
  head: (h) => `register head (note it with the dispatch; check later with register verify --head): ${h}`,
  by: (by, host, at) => `by ${by} (${host}, recorded ${clockTime(at, 'en')} UTC+8)`,
  verifyOk: (n, h) => `the register is whole: ${countEn(n, 'event')}${h ? `, head ${h}` : ''}`,
  verifyBroken: (line, reason) => `the register is broken at line ${line}: ${reason}`,
  verifyHint: (reason) =>
    reason === 'torn'
      ? 'the last line is unfinished (a crash or power cut while writing): run hrss-credit register repair to cut it, then repeat the ' +
        'last operation'
      : reason === 'blankOnly'
        ? 'register/events.jsonl holds no event at all, only blank lines (made by hand, or saved by an editor): run hrss-credit ' +
          'register repair to cut them (a copy is kept first); if the register is new and nothing was ever recorded in it, you may ' +
          'delete register/events.jsonl instead'
        : reason === 'blank'
          ? 'every recorded event is whole; blank lines were added after the last one (an editor saved the file): run hrss-credit ' +
            'register repair to cut them (a copy is kept first). Do not open and save register/events.jsonl in an editor'
          : reason === 'head'
            ? 'the log does not reach the noted head, or the history before it was rewritten (its tail cut, or events edited and their ' +
              'hashes computed again). Restore register/events.jsonl from a backup and find out who changed it'
            : 'history was edited, deleted or reordered. Do not edit it by hand; restore register/events.jsonl from a backup and ' +
              'find out ' +
              'who changed it',
  reasons: {
    json: 'not valid JSON',
    schema: 'not a register event',
    seq: 'sequence number out of order (an event deleted or moved)',
    prev: 'does not link to the line before (an earlier event edited, deleted or moved)',
    hash: 'hash mismatch (this event was edited or reformatted)',
    canonical:
      'not exactly as this tool writes it (spaces added, keys reordered or escaped otherwise): this event was edited or reformatted',
    linebreak: 'several events on one line, ended by CR or U+2028 instead of a line feed (an editor saved the file)',
    torn: 'unfinished last line',
    blank: 'blank lines after the last event',
    blankOnly: 'no event at all, only blank lines',
    head: 'not reached or rewritten: the log does not reach the noted head (SEQ:HASH)',
  },
  repairIntact: 'the register is whole: nothing to repair',
  repairCut: (line, bytes, backup) => `cut the unfinished line ${line} (${countEn(bytes, 'byte')}); copy of the file: ${backup}`,
  repairCutNoCopy: (line, bytes, problem) =>
    `cut the unfinished line ${line} (${countEn(bytes, 'byte')}); the disk is full (${problem}), so no copy of the file was kept — ` +
    'what was cut was ' +
    `half of one line, never a recorded event. Free some disk space soon`,
  repairCutBlank: (line, bytes, backup, problem) =>
    `cut the blank lines from line ${line} on (${countEn(bytes, 'byte')}); no recorded event was changed; ` +
    (backup
      ? `copy of the file: ${backup}`
      : `the disk is full (${problem ?? 'ENOSPC'}), so no copy was kept — only blank lines were cut. Free some disk space soon`),
  listColumns: ['ID', 'List', 'Domain', 'Department', 'Subject', 'Code / ID', 'Batch', 'Published', 'Until', 'Status'],
  listSummary: (n, on) => `register on ${on}: ${countEn(n, 'record')}`,
  ledger: (p) => `ledger written: ${p}`,
  ledgerNotPrinted: (rows) =>
    `more than ${rows} records: not listed on screen, open the ledger (without --xlsx the list is printed in full)`,
  fullShown: (ledger) =>
    `Note: --full shows full ID and phone numbers on this screen, for internal checks only; do not copy, capture or forward ` +
    `them${ledger ? '. The ledger is a file and stays masked as for publication' : ''}`,
  status: { active: 'active', expired: 'expired', removed: 'removed' },
  removalTypes: {
    violation: 'removed for violation',
    early: 'removed early',
    revoked: 'revoked',
    corrected: 'corrected',
    expired: 'expired',
  },
  listTypes: { red: 'red', black: 'black' },
  objection: 'objection',
  showNone: (q) => `no record in the register matches “${q}”`,
  showEvents: 'events',
  eventOn: (on) => `dated ${on}`,
  eventAt: (at, who) => ` (recorded ${clockTime(at, 'en')} UTC+8 by ${who})`,
  effects: (e) => e,
  diffHeading: (a, b) => `${a} → ${b}`,
  diffSections: { added: 'added', removed: 'removed', corrected: 'corrected', unchanged: 'resubmitted unchanged' },
  diffCounts: ['department / domain', 'added', 'removed', 'corrected', 'unchanged'],
};
