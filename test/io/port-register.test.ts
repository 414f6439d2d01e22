// The port's register side (io/port.ts `// register side`): reading at positions, appending with a cut-back
// on failure, the durable copy and the lock answer alike on Node's port and the memory port; on the memory
// port the register's writers (append, repair) and its lock work as on the disk — a second holder of the
// lock is refused within one MemoryPort, a failed append leaves the log whole, a torn line is cut after a copy.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPort } from '../../src/io/memory-port.js';
import { appendEvent, eventsPath, readLog, registerDir, repairRegister } from '../../src/io/register/register-store.js';
import { acquireRegisterLock } from '../../src/io/register/register-lock.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';
import { AUTHOR, chain } from '../helpers/register-chain.js';
import { bothPorts, codeOf } from '../helpers/ports.js';

afterEach(() => {
  delete process.env.HRSS_CREDIT_FAULT;
});

const ports = bothPorts('port-register');

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe.each(ports)('the %s port, register side', (_name, make) => {
  it('reads at positions, sees a later append, says what it opened; appends, truncates, copies', async () => {
    const { io, root } = make();
    io.writeFile(`${root}/a.log`, 'one\n');
    const r = io.openRead(`${root}/a.log`);
    expect([r.kind, r.size]).toEqual(['file', 4]);
    const w = io.openAppend(`${root}/a.log`);
    expect([w.kind, w.size]).toEqual(['file', 4]);
    expect(w.write(new TextEncoder().encode('xtwo\n'), 1)).toBe(4);
    w.sync();
    w.close();
    const buf = new Uint8Array(16);
    expect(r.read(buf, 2, 6, 2)).toBe(6);
    expect(text(buf.subarray(2, 8))).toBe('e\ntwo\n');
    expect(r.read(buf, 0, 4, 8)).toBe(0);
    r.close();
    const t = io.openAppend(`${root}/a.log`);
    t.truncate(4);
    t.close();
    expect(text(io.readFileSync(`${root}/a.log`))).toBe('one\n');
    io.copyFileDurable(`${root}/a.log`, `${root}/b.log`);
    expect(text(io.readFileSync(`${root}/b.log`))).toBe('one\n');
    io.syncFolder(root);
    // A folder opened to read is a folder; nothing there is ENOENT; append creates only when asked.
    expect(io.openRead(root).kind).toBe('folder');
    expect(await codeOf(() => io.openRead(`${root}/none`))).toBe('ENOENT');
    expect(await codeOf(() => io.openAppend(`${root}/none`))).toBe('ENOENT');
    const c = io.openAppend(`${root}/new.log`, { create: true });
    expect(c.size).toBe(0);
    c.close();
    expect(io.exists(`${root}/new.log`)).toBe(true);
  });

  it('the lock: a second holder is refused until the first releases; another file is another lock; a file is no folder', async () => {
    const { io, root } = make();
    const first = await io.lock(`${root}/reg`, { file: '.lock', waitMs: 0 });
    expect(await codeOf(() => io.lock(`${root}/reg`, { file: '.lock', waitMs: 0 }))).toBe('LOCK_HELD');
    // Another file in the same folder is another lock.
    const other = await io.lock(`${root}/reg`, { file: '.other', waitMs: 0 });
    other.release();
    first.assertHeld();
    first.release();
    const second = await io.lock(`${root}/reg`, { file: '.lock', waitMs: 0 });
    second.release();
    io.writeFile(`${root}/file`, 'x');
    expect(await codeOf(() => io.lock(`${root}/file`, { file: '.lock', waitMs: 0 }))).toBe('PATH_NOT_FOLDER');
  });

  it('the register lock: REGISTER_LOCKED for a second writer, and appendEvent waits for none', async () => {
    const { io, root } = make();
    const held = await acquireRegisterLock(registerDir(root), { waitMs: 0 }, io);
    const body: EventBody = { type: 'note', text: 'x', ids: [] };
    const err = await codeOf(() => appendEvent(root, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 }, io }));
    expect(err).toBe('REGISTER_LOCKED');
    expect(io.exists(eventsPath(root))).toBe(false);
    held.release();
    await appendEvent(root, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 }, io });
    expect(readLog(root, { io }).result).toMatchObject({ ok: true, head: { seq: 1 } });
  });

  it('a failed append (a full disk part-way) is cut back: the log stays whole and the next append works', async () => {
    const { io, root } = make();
    const body: EventBody = { type: 'note', text: '第一条', ids: [] };
    await appendEvent(root, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 }, io });
    const before = io.readFileSync(eventsPath(root)).slice();
    process.env.HRSS_CREDIT_FAULT = 'register-enospc:20';
    const err = await codeOf(() => appendEvent(root, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 }, io }));
    delete process.env.HRSS_CREDIT_FAULT;
    expect(err).toBe('WRITE_FAILED');
    expect(io.readFileSync(eventsPath(root))).toEqual(before);
    await appendEvent(root, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 }, io });
    expect(readLog(root, { io }).result).toMatchObject({ ok: true, head: { seq: 2 } });
  });

  it('repair cuts a torn last line after a copy, and records the cut', async () => {
    const { io, root } = make();
    const events = chain([
      { type: 'note', text: 'a', ids: [] },
      { type: 'note', text: 'b', ids: [] },
      { type: 'note', text: 'c', ids: [] },
    ]);
    const whole = events
      .slice(0, 2)
      .map((e) => eventLine(e))
      .join('');
    const torn = `${whole}${eventLine(events[2]!).slice(0, 30)}`;
    io.writeFile(eventsPath(root), torn);
    expect(readLog(root, { io }).result).toMatchObject({ ok: false, broken: { reason: 'torn', line: 3 } });
    const out = await repairRegister(root, '20261015-093000', AUTHOR, { lock: { waitMs: 0 }, io });
    expect(out).toMatchObject({ action: 'cut', line: 3, bytes: 30, backup: 'register/events.jsonl.bak-20261015-093000' });
    expect(text(io.readFileSync(`${registerDir(root)}/events.jsonl.bak-20261015-093000`))).toBe(torn);
    const read = readLog(root, { io });
    expect(read.result).toMatchObject({ ok: true, head: { seq: 3 } });
    expect(read.result.ok && read.result.events[2]?.type).toBe('repair');
    expect(text(io.readFileSync(eventsPath(root))).startsWith(whole)).toBe(true);
  });
});

describe('compile on the memory port takes the packages folder’s lock there', () => {
  it('a compile while another holds it: exit 2 LOCK_HELD, no package; once released, it compiles', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const { run } = await import('../../src/cli/program.js');
    const { ROOT } = await import('../helpers/cases.js');
    const example = join(ROOT, 'fixtures', 'example-workspace');
    const io = new MemoryPort();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else io.put(join('/ws', relative(example, p)), readFileSync(p));
      }
    };
    walk(example);
    const compile = async (): Promise<{ code: number; stdout: string }> => {
      let stdout = '';
      const code = await run(['compile', '2026Q3', '-w', '/ws', '--today', '2026-10-15', '--format', 'json'], {
        stdout: { write: (s: string) => (stdout += s), isTTY: false },
        stderr: { write: () => true, isTTY: false },
        env: {},
        cwd: '/ws',
        fs: io,
      });
      return { code, stdout };
    };
    const held = await io.lock('/ws/packages', { waitMs: 0 });
    const refused = await compile();
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('LOCK_HELD');
    expect(io.exists('/ws/packages/2026Q3')).toBe(false);
    held.release();
    expect((await compile()).code).toBe(0);
    expect(io.exists('/ws/packages/2026Q3/manifest.json')).toBe(true);
  });
});
