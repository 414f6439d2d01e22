// The entry of the single-file release (scripts/release.mjs bundles it into hrss-credit.mjs).
// The same file is also the CSV worker: src/io/csv/csv.ts starts `new Worker(<this file>)` in the bundle,
// and in that thread only csv-worker's own top-level code acts (it listens on parentPort) — or the register
// log's checking thread (src/io/register/log-check.ts, the same file, its workerData marked logCheck), the
// 共享 workbook's (src/io/xlsx/workbook-thread.ts, marked workbook), or register list's second thread
// (src/cli/list-split.ts, workerData marked listPart), or the 台账's sheet pieces' (src/io/xlsx/sheet-thread.ts,
// marked sheetPieces); the CLI
// runs in the main thread only. The main thread does what bin/hrss-credit.js does: the Node version
// first, then main(). Both are imported dynamically, which esbuild bundles as modules evaluated only
// when imported: on an old Node nothing but node-check runs.
import { nodeRefusalOutput } from '../dist/cli/node-check.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// A thread of the bundle is the CSV worker, the register log's checking thread (workerData.logCheck), the
// thread that makes compile's 共享 workbook (workerData.workbook), register list's second thread
// (workerData.listPart) or the 台账's sheet pieces' (workerData.sheetPieces).
if (!isMainThread) {
  if (workerData?.logCheck) await import('../dist/io/register/log-check-worker.js');
  else if (workerData?.workbook) await import('../dist/io/xlsx/workbook-worker.js');
  else if (workerData?.listPart) await import('../dist/cli/list-worker.js');
  else if (workerData?.sheetPieces) await import('../dist/io/xlsx/sheet-worker.js');
  else await import('../dist/io/csv/csv-worker.js');
} else {
  const refusal = nodeRefusalOutput(process.version, process.argv.slice(2), process.env);
  if (refusal !== undefined) {
    process.stdout.write(refusal.stdout);
    process.stderr.write(refusal.stderr);
    process.exitCode = 2;
  } else {
    // The register's log hashed on a second thread while the command's modules load (dist/cli/early-log.js).
    await (await import('../dist/cli/early-log.js')).startEarlyLog(process.argv.slice(2), () => process.cwd(), process.env);
    const { main } = await import('../dist/cli/main.js');
    process.exitCode = await main(dirname(fileURLToPath(import.meta.url)));
  }
}
