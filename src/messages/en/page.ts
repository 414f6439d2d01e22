/** English words of the self-check page (selfcheck.md; the shape: ../types.ts PageText). */
import type { PageText } from '../types.js';
import { countEn } from './words.js';

export const enPageText: PageText = {
  title: 'Credit red/black list: department self-check',
  intro:
    "Drop your department's list file (.xlsx, .csv, .txt) or a zip of the whole department folder in the box below, or click " +
    "“Choose file”. The check runs in this browser and finds what the bureau's hrss-credit validate finds.",
  baked: (ws, at, tool, d, n) =>
    `Checked against ${ws ? `workspace “${ws}”'s` : 'the default'} config, responsibility matrix (${countEn(d, 'department')}) and joint ` +
    `measures (${n}) as of ${at} (Beijing time); ${tool}`,
  offline: 'Nothing is uploaded and nothing goes online: the file is read in this page’s memory only and forgotten on reload.',
  drop: 'Drop a file here',
  pick: 'Choose file',
  department: 'Department',
  departmentFromFile: "(read from the cover; for a zip also its name or its department folder's)",
  checking: (f) => `Checking ${f} …`,
  rowsRead: (f, n) => `Checking ${f}: ${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'} read`,
  cancel: 'Cancel',
  cancelled: 'The check was cancelled.',
  failed: (r) => `Could not check: ${r}`,
  result: (f) => `Result: ${f}`,
  columns: { location: 'Location', severity: 'Severity', code: 'Code', message: 'Problem and how to fix it' },
  hintPrefix: 'Fix: ',
  downloadAnnotated: (n) => `Download the marked-up copy ${n}`,
  downloadJson: 'Download the report (JSON)',
  noAnnotated: 'No marked-up copy for this file (it could not be read): fix it as the findings above say.',
  noAnnotatedZip: 'The lists inside a zip get no marked-up copy; drop a list file on its own to get one.',
  invalid: 'Check failed: fix what the tables below show and check again.',
  pickDepartment:
    'Choose your department under “Department” above and check again, or write its name as the matrix gives it in the cover’s 报送单位.',
  evidenceOnly:
    'This is a case file (附件): only its type, size and name were checked, not as a list. To check the list, drop the list file ' +
    '(.xlsx, .csv, .txt) or the department folder as a zip.',
  bureauOnly:
    'This page checks this one file (or this department’s zip) by itself. Only the bureau can check, when it compiles: the register ' +
    'of published records, whether removals and corrections match published records, duplicates and conflicts with other ' +
    'departments, and whether the submission is late.',
  language: '中文',
  help: {
    page:
      'write the self-check page (one HTML file): a department opens it in a browser and drops its list to check it offline, ' +
      'nothing to install',
    out: 'where to write the page (default: 科室自查.html in the current folder)',
  },
  written: (p, kb) =>
    `Self-check page written: ${p} (${kb.toLocaleString('en')} KB). Put it on the shared folder or send it to the departments; ` +
    'it opens in a browser, nothing to install.',
};
