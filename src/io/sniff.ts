/**
 * Decides how a data file is read: by its extension, confirmed by its first bytes (a damaged or
 * disguised file is FILE_UNREADABLE, a format we do not read is FILE_UNSUPPORTED with its fix).
 */
import { extname } from 'node:path';
import type { Limits } from '../schemas/config.js';
import type { WorkbookSource } from '../table/cells.js';
import type { HeaderScorer } from './csv/csv.js';
import { ioProblem, unreadable, unsupported } from './errors.js';
import { beforeAccess } from './faults.js';
import { nodePort } from './node-port.js';
import type { IoPort } from './port.js';

export const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
export const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);
export const UNSUPPORTED_EXTENSIONS = new Set([
  '.xls',
  '.xlt',
  '.et',
  '.ett',
  '.ods',
  '.fods',
  '.ots',
  '.xlsb',
  '.numbers',
  '.wk1',
  '.dbf',
]);

/** Office and operating-system litter, skipped without a word (submission.md "Formats"). */
export function isLitter(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('~$') ||
    name.startsWith('.~lock.') ||
    lower === 'thumbs.db' ||
    lower === 'desktop.ini' ||
    lower === '.ds_store' ||
    name.startsWith('._')
  );
}

/** A department that arrives as a zip (department.md): `就业办.zip`, in a quarter folder or alone. */
export function isZipName(name: string): boolean {
  return extname(name).toLowerCase() === '.zip' && !isLitter(name);
}

export function isDataFileName(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return WORKBOOK_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext) || UNSUPPORTED_EXTENSIONS.has(ext);
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_MARK = Buffer.from('EncryptedPackage', 'utf16le');

export type Magic = 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'text' | 'binary' | 'empty';

export function magicOf(head: Buffer): Magic {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.subarray(0, 8).equals(OLE)) return 'ole';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  // UTF-16 text holds NUL bytes by nature; anything else with NULs is binary.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.subarray(0, 8192).includes(0)) return 'binary';
  return 'text';
}

export interface OpenOptions {
  limits: Limits;
  score: HeaderScorer;
  /** The file system the file is on (io/port.ts); Node's by default. */
  io?: IoPort;
  /** xlsx: the sheets read once, their merges found on the way (xlsx.ts XlsxOptions). */
  deferMerges?(sheet: { name: string; hidden: boolean }, all: readonly { name: string; hidden: boolean }[]): boolean;
}

/** Opens a list file; throws a FileProblem (never anything else) when it cannot be read. */
export async function openWorkbook(path: string, sheetName: string, options: OpenOptions): Promise<WorkbookSource> {
  const ext = extname(path).toLowerCase();
  const io = options.io ?? nodePort;
  let size: number;
  try {
    beforeAccess(path);
    const st = await io.stat(path);
    if (st.kind !== 'file') throw unreadable({ reason: 'io', detail: 'not a file' });
    size = st.size;
  } catch (err) {
    if (err && typeof err === 'object' && 'args' in err) throw err;
    throw ioProblem(err);
  }
  if (UNSUPPORTED_EXTENSIONS.has(ext)) throw unsupported({ format: ext.slice(1) });
  if (size > options.limits.maxFileBytes) {
    throw unreadable({ reason: 'limit', limit: 'maxFileBytes', max: options.limits.maxFileBytes, actual: size });
  }
  // The readers are loaded when a list is opened: the name checks above serve commands that open none (issue 22).
  const { openCsv, readSample } = await import('./csv/csv.js');
  const head = await readSample(path, 8192, io);
  const magic = magicOf(head);
  if (magic === 'empty') throw unreadable({ reason: 'empty' });
  if (WORKBOOK_EXTENSIONS.has(ext)) {
    if (magic === 'ole') {
      // Excel writes a password-protected .xlsx as an OLE container holding EncryptedPackage.
      const whole = await readSample(path, Math.min(size, 4 * 1024 * 1024), io);
      const encrypted = whole.includes(ENCRYPTED_MARK);
      throw unsupported(encrypted ? { format: ext.slice(1), encrypted: true } : { format: 'xls' });
    }
    if (magic !== 'zip') throw unreadable({ reason: 'notWorkbook', detail: magic });
    return (await import('./xlsx/xlsx.js')).openXlsx(
      path,
      options.limits,
      io,
      options.deferMerges ? { deferMerges: options.deferMerges } : {},
    );
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    if (magic !== 'text') throw unreadable({ reason: 'notText', detail: magic });
    return openCsv(path, sheetName, options.limits, options.score, io);
  }
  throw unsupported({ format: ext ? ext.slice(1) : '?' });
}
