// A compiled example workspace, copied per test; synthetic packages written from its records.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, runCli, tempDir, TODAY } from '../helpers/cases.js';
import type { MemoryPort } from '../../src/io/memory-port.js';
import type { RegisterEvent } from '../../src/register/events.js';
import { RecordSchema, type CreditRecord } from '../../src/schemas/record.js';
import { RegisterEventSchema } from '../../src/schemas/register-event.js';

export const BIN = join(ROOT, 'bin', 'hrss-credit.js');
export { runCli, tempDir, TODAY, ROOT };

/** The example workspace compiled for 2026Q3 once per test file (the template every test copies). */
export async function compiledExample(tmp: string): Promise<string> {
  const ws = join(tmp, 'template');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
  if (res.code !== 0) throw new Error(`compile failed: ${res.stdout}${res.stderr}`);
  return ws;
}

/**
 * The example compiled and published on 2026-07-15 (so that an objection received on 2026-09-30
 * concerns a public record): the template the objection tests copy.
 */
export async function publishedExample(tmp: string, env: Record<string, string>): Promise<string> {
  const ws = await compiledExample(tmp);
  const res = await runCli(['publish', '2026Q3', '--on', '2026-07-15', '-w', ws, '--today', '2026-07-15'], ROOT, env);
  if (res.code !== 0) throw new Error(`publish failed: ${res.stdout}${res.stderr}`);
  return ws;
}

/**
 * A suite on the compiled example published on 2026-07-15 (made once, in beforeAll; removed in
 * afterAll): `fresh()` is a new copy of it for one test.
 */
export function publishedSuite(name: string, env: Record<string, string>): { fresh: () => string } {
  let tmp = '';
  let template = '';
  let n = 0;
  beforeAll(async () => {
    tmp = tempDir(name);
    template = await publishedExample(tmp, env);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  return { fresh: () => copyWorkspace(template, join(tmp, `ws-${++n}`)) };
}

export function copyWorkspace(template: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  cpSync(template, to, { recursive: true });
  return to;
}

export type Rec = Record<string, unknown> & { id: string };

/** Where the helpers below read and write: the disk (default) or a memory workspace's port (`onPort`). */
export interface TestFiles {
  read(path: string): Buffer;
  write(path: string, data: string | Buffer): void;
  exists(path: string): boolean;
  mkdir(path: string): void;
  remove(path: string): void;
}

export const DISK: TestFiles = {
  read: (p) => readFileSync(p),
  write: (p, data) => writeFileSync(p, data),
  exists: (p) => existsSync(p),
  mkdir: (p) => mkdirSync(p, { recursive: true }),
  remove: (p) => rmSync(p, { recursive: true, force: true }),
};

export function onPort(io: MemoryPort): TestFiles {
  return {
    read: (p) => Buffer.from(io.readFileSync(p)),
    write: (p, data) => io.put(p, data),
    exists: (p) => io.exists(p),
    mkdir: (p) => io.mkdir(p),
    remove: (p) => io.remove(p),
  };
}

export function packageRecords(ws: string, batch = '2026Q3', files: TestFiles = DISK): Rec[] {
  return (JSON.parse(files.read(join(ws, 'packages', batch, 'records.json')).toString('utf8')) as { records: Rec[] }).records;
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** A package of only records.json (and manifest.json hashing it): what publish and diff read. */
export function writePackage(
  ws: string,
  batch: string,
  records: Rec[],
  extra: { removals?: unknown[]; unchanged?: string[]; note?: string } = {},
  files: TestFiles = DISK,
): string {
  const dir = join(ws, 'packages', batch);
  files.remove(dir);
  files.mkdir(dir);
  const quarter = batch.slice(0, 6);
  const body = `${JSON.stringify({ schemaVersion: 2, quarter, audience: 'sharing', records, ...(extra.removals ? { removals: extra.removals } : {}), ...(extra.unchanged ? { unchanged: extra.unchanged } : {}) }, null, 2)}\n`;
  files.write(join(dir, 'records.json'), body);
  reseal(dir, extra.note, files);
  return dir;
}

type Counts = { red: number; black: number };
type OldManifest = {
  outputs?: { path: string; audience?: string }[];
  departments?: { name: string }[];
  [key: string]: unknown;
};

/**
 * Rewrites manifest.json so that it lists the folder's files as they are now (a different, valid package):
 * a manifest verify accepts (its schema, counts that agree with records.json) and its hash stored beside
 * the package, as compile leaves it. `note` makes two otherwise equal packages differ (in generatedAt).
 */
export function reseal(dir: string, note = '', files: TestFiles = DISK): void {
  const manifestPath = join(dir, 'manifest.json');
  const old = files.exists(manifestPath) ? (JSON.parse(files.read(manifestPath).toString('utf8')) as OldManifest) : {};
  const listed = old.outputs ?? [{ path: 'records.json', audience: 'sharing' }];
  const outputs = listed.map((o) => {
    const data = files.read(join(dir, o.path));
    return { path: o.path, sha256: sha(data), bytes: data.length, audience: o.audience ?? 'sharing' };
  });
  const recordsFile = JSON.parse(files.read(join(dir, 'records.json')).toString('utf8')) as {
    quarter: string;
    records?: { listType: 'red' | 'black'; department: string; domain: string }[];
  };
  const byDepartment: Record<string, Counts> = {};
  for (const d of old.departments ?? []) byDepartment[d.name] = { red: 0, black: 0 };
  const byDomain: Record<string, Counts> = {};
  let red = 0;
  let black = 0;
  for (const r of recordsFile.records ?? []) {
    (byDepartment[r.department] ??= { red: 0, black: 0 })[r.listType]++;
    (byDomain[r.domain] ??= { red: 0, black: 0 })[r.listType]++;
    if (r.listType === 'red') red++;
    else black++;
  }
  const departments = Object.keys(byDepartment).map(
    (name) =>
      old.departments?.find((d) => d.name === name) ?? {
        name,
        submitted: true,
        nilReport: false,
        onTime: true,
        reviewer: '',
        reviewedOn: '',
        approver: '',
        approvedOn: '',
      },
  );
  const manifest = {
    schemaVersion: 1,
    tool: old.tool ?? { name: 'hrss-credit', version: '0.1.0' },
    bureau: old.bureau ?? { name: '新乡市人力资源和社会保障局', creditCode: '' },
    quarter: recordsFile.quarter,
    generatedAt: note ? `2026-10-15T08:00:00Z ${note}` : (old.generatedAt ?? '2026-10-15T08:00:00Z'),
    template: old.template ?? { name: 'synthetic', version: 1, sha256: '0'.repeat(64) },
    inputs: old.inputs ?? [],
    outputs,
    counts: { red, black, byDepartment, byDomain },
    departments,
    diagnostics: old.diagnostics ?? { errors: 0, warnings: 0, info: 0 },
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  files.write(manifestPath, text);
  files.write(`${dir}.manifest.sha256`, `${sha(text)}  ${basename(dir)}/manifest.json\n`);
}

export function eventsFile(ws: string): string {
  return join(ws, 'register', 'events.jsonl');
}

export function readEvents(ws: string, files: TestFiles = DISK): Record<string, unknown>[] {
  if (!files.exists(eventsFile(ws))) return [];
  return files
    .read(eventsFile(ws))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A record of records.json as the tool types it: checked by its schema (a type guard, not a cast; nothing stripped). */
export function creditRecord(r: Rec): CreditRecord {
  if (!isCreditRecord(r)) throw new Error(`not a record of records.json: ${JSON.stringify(r).slice(0, 200)}`);
  return r;
}

function isCreditRecord(v: unknown): v is CreditRecord {
  return RecordSchema.safeParse(v).success;
}

export type PublishEvent = Extract<RegisterEvent, { type: 'publish' }>;

/** The log's events as the tool types them, each checked by its schema (a type guard, not a cast). */
export function registerEvents(ws: string, files: TestFiles = DISK): RegisterEvent[] {
  return readEvents(ws, files).map((e, i) => {
    if (!isRegisterEvent(e)) throw new Error(`register line ${i + 1} is no register event`);
    return e;
  });
}

function isRegisterEvent(v: unknown): v is RegisterEvent {
  return RegisterEventSchema.safeParse(v).success;
}

/** A publish event, or the test fails here. */
export function publishEvent(e: RegisterEvent | undefined): PublishEvent {
  if (e?.type !== 'publish') throw new Error(`not a publish event: ${e?.type}`);
  return e;
}

export function spawnBin(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(sig: NodeJS.Signals): void;
  pid: number | undefined;
} {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))),
    kill: (sig) => child.kill(sig),
    pid: child.pid,
  };
}

/** Waits for a condition on the file system (an event, never a fixed delay). */
export async function waitFor(pred: () => boolean, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
