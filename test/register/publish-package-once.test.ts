// publish records what the package's verify read and checked (api/register/register.ts, api/quarter/verify.ts
// verifyPackage): each file of the package is read once — manifest.json and records.json are not read, hashed and
// parsed again after verify — and a records.json its manifest vouches for but publish cannot take is still refused
// as before (PACKAGE_INVALID, exit 2, nothing recorded).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryPort } from '../../src/io/memory-port.js';
import { memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';

const TODAY = ['--today', '2026-10-15'];
const ENV = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '示例' };

/** A MemoryPort that counts the reads of each path (readFile goes through readFileSync). */
class CountingPort extends MemoryPort {
  readonly reads = new Map<string, number>();
  override readFileSync(path: string, maxBytes?: number): Uint8Array {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.readFileSync(path, maxBytes);
  }
}

/** The example workspace with 2026Q3 compiled, on a counting port. */
async function compiled(name: string): Promise<{ io: CountingPort; ws: string; pkg: string }> {
  const io = new CountingPort();
  const { ws } = memoryWorkspace(name, 'example-workspace', io);
  const c = await runCliOn(io, ['compile', '2026Q3', '-w', ws, ...TODAY, '--format', 'json'], ws, ENV);
  expect(c.code, c.stdout).toBe(0);
  return { io, ws, pkg: join(ws, 'packages', '2026Q3') };
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** records.json replaced by `bytes`, and the manifest (and the hash stored beside the package) made to vouch for it. */
function vouchedRecords(io: MemoryPort, pkg: string, bytes: Buffer): void {
  io.put(join(pkg, 'records.json'), bytes);
  const manifest = JSON.parse(Buffer.from(io.readFileSync(join(pkg, 'manifest.json'))).toString('utf8'));
  const listed = manifest.outputs.find((o: { path: string }) => o.path === 'records.json');
  listed.sha256 = sha256(bytes);
  listed.bytes = bytes.length;
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  io.put(join(pkg, 'manifest.json'), Buffer.from(text));
  io.put(`${pkg}.manifest.sha256`, Buffer.from(`${sha256(text)}  2026Q3/manifest.json\n`));
}

describe('publish reads each file of the package once', () => {
  it('manifest.json, records.json and every output: one read each, verify’s', async () => {
    const { io, ws, pkg } = await compiled('publish-once');
    io.reads.clear();
    const r = await runCliOn(io, ['publish', '2026Q3', '-w', ws, ...TODAY, '--format', 'json'], ws, ENV);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'published' });
    const packageReads = [...io.reads].filter(([p]) => p.startsWith(`${pkg}/`));
    expect(packageReads.length).toBeGreaterThan(5);
    expect(io.reads.get(join(pkg, 'manifest.json'))).toBe(1);
    expect(io.reads.get(join(pkg, 'records.json'))).toBe(1);
    expect(packageReads.filter(([, n]) => n !== 1)).toEqual([]);
  });

  it("a records.json the manifest vouches for whose id is not its record's identity: PACKAGE_INVALID, nothing recorded", async () => {
    const { io, ws, pkg } = await compiled('publish-identity');
    const file = JSON.parse(Buffer.from(io.readFileSync(join(pkg, 'records.json'))).toString('utf8'));
    file.records[0].id = '000000000000';
    vouchedRecords(io, pkg, Buffer.from(JSON.stringify(file)));
    const r = await runCliOn(io, ['publish', '2026Q3', '-w', ws, ...TODAY, '--format', 'json'], ws, ENV);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('PACKAGE_INVALID');
    expect(io.exists(join(ws, 'register', 'events.jsonl'))).toBe(false);
    // The message names the file, the key and the id that does not match (it said "无法读取：：值  无效").
    const zh = await runCliOn(io, ['publish', '2026Q3', '-w', ws, ...TODAY], ws, ENV);
    expect(zh.stderr).toContain('汇总包 packages/2026Q3 无法读取：records.json 的 records[0].id：记录的 id 000000000000 与其内容不符');
    const en = await runCliOn(io, ['publish', '2026Q3', '-w', ws, ...TODAY, '--lang', 'en'], ws, ENV);
    expect(en.stderr).toContain('cannot be read: records.json records[0].id: the record id 000000000000 does not match its content');
  });

  it('diff of a package not yet published whose id was edited: PACKAGE_INVALID naming records.json and the id', async () => {
    const { io, ws, pkg } = await compiled('diff-identity');
    const file = JSON.parse(Buffer.from(io.readFileSync(join(pkg, 'records.json'))).toString('utf8'));
    file.records[1].id = '111111111111';
    io.put(join(pkg, 'records.json'), Buffer.from(JSON.stringify(file)));
    const r = await runCliOn(io, ['diff', 'packages/2026Q3', 'packages/2026Q3', '-w', ws, ...TODAY, '--format', 'json'], ws, ENV);
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout).error;
    expect(error.code).toBe('PACKAGE_INVALID');
    expect(error.message).toContain('records.json 的 records[1].id：记录的 id 111111111111 与其内容不符');
    io.put(join(pkg, 'records.json'), Buffer.from('{"schemaVersion": 3,\n "quarter": '));
    const syntax = await runCliOn(io, ['diff', 'packages/2026Q3', 'packages/2026Q3', '-w', ws, ...TODAY], ws, ENV);
    expect(syntax.stderr).toContain('records.json：第 2 行第');
    expect(syntax.stderr).not.toContain('：：');
  });

  it('export of a package whose id was edited says it as diff and publish do: the file, the key and the id', async () => {
    const { io, ws, pkg } = await compiled('export-identity');
    const file = JSON.parse(Buffer.from(io.readFileSync(join(pkg, 'records.json'))).toString('utf8'));
    file.records[1].id = '111111111111';
    io.put(join(pkg, 'records.json'), Buffer.from(JSON.stringify(file)));
    const r = await runCliOn(io, ['export', 'packages/2026Q3', '--to', 'out', '-w', ws, ...TODAY, '--format', 'json'], ws, ENV);
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout).error;
    expect(error.code).toBe('PACKAGE_INVALID');
    expect(error.message).toContain('records.json 的 records[1].id：记录的 id 111111111111 与其内容不符');
  });

  it('a records.json the manifest vouches for that is not JSON: PACKAGE_INVALID, nothing recorded', async () => {
    const { io, ws, pkg } = await compiled('publish-not-json');
    vouchedRecords(io, pkg, Buffer.from('{"schemaVersion": 3, "quarter": '));
    const r = await runCliOn(io, ['publish', '2026Q3', '-w', ws, ...TODAY, '--format', 'json'], ws, ENV);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('PACKAGE_INVALID');
    expect(JSON.parse(r.stdout).error.message).toMatch(/无法读取：records\.json：第 1 行第 \d+ 列不是合法的 JSON/);
    expect(io.exists(join(ws, 'register', 'events.jsonl'))).toBe(false);
  });
});
