// The file-system port (io/port.ts): Node's and the in-memory implementation answer the same
// operations the same way (kinds, sizes, errno codes, atomic exclusive writes), so the api can
// run on either. The memory port imports nothing of Node (the browser page bundles it).
import { mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryPort, normalisePosix } from '../../src/io/memory-port.js';
import { nodePort } from '../../src/io/node-port.js';
import type { IoPort } from '../../src/io/port.js';
import { cleanup, tempDir } from '../helpers/cases.js';
import { bothPorts, codeOf } from '../helpers/ports.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) cleanup(d);
});

const ports = bothPorts('port');

describe.each(ports)('the %s port', (_name, make) => {
  it('writes atomically, lists with kinds, stats, reads whole, head and bounded', async () => {
    const { io, root } = make();
    io.mkdir(join(root, 'a', 'b'));
    expect(io.writeFile(join(root, 'a', '名单.csv'), '姓名,证件号码\n')).toBe(true);
    expect(io.writeFile(join(root, 'a', 'bin'), new Uint8Array([1, 2, 3]))).toBe(true);
    const entries = (await io.readdir(join(root, 'a'))).sort((x, y) => (x.name < y.name ? -1 : 1));
    expect(entries).toEqual([
      { name: 'b', kind: 'folder' },
      { name: 'bin', kind: 'file' },
      { name: '名单.csv', kind: 'file' },
    ]);
    expect(io.readdirSync(join(root, 'a')).length).toBe(3);
    const st = await io.stat(join(root, 'a', 'bin'));
    expect([st.kind, st.size, st.links]).toEqual(['file', 3, 1]);
    expect((await io.lstat(join(root, 'a', 'b'))).kind).toBe('folder');
    expect(io.statSync(join(root, 'a')).kind).toBe('folder');
    expect([...(await io.readFile(join(root, 'a', 'bin')))]).toEqual([1, 2, 3]);
    expect([...io.readFileSync(join(root, 'a', 'bin'))]).toEqual([1, 2, 3]);
    expect([...(await io.readHead(join(root, 'a', 'bin'), 2))]).toEqual([1, 2]);
    expect([...(await io.readHead(join(root, 'a', 'bin'), 10))]).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(await io.readFile(join(root, 'a', '名单.csv')))).toBe('姓名,证件号码\n');
    expect(await codeOf(() => io.readFile(join(root, 'a', 'bin'), 2))).toBe('EFBIG');
    expect(await codeOf(() => io.readFileSync(join(root, 'a', 'bin'), 2))).toBe('EFBIG');
    expect(await codeOf(() => io.readFile(join(root, 'a', 'b')))).toBe('ENOTFILE');
  });

  it('says ENOENT and ENOTDIR as node:fs does', async () => {
    const { io, root } = make();
    io.mkdir(root);
    io.writeFile(join(root, 'f'), 'x');
    expect(io.exists(join(root, 'nothing'))).toBe(false);
    expect(io.exists(join(root, 'f'))).toBe(true);
    expect(await codeOf(() => io.stat(join(root, 'nothing')))).toBe('ENOENT');
    expect(await codeOf(() => io.statSync(join(root, 'nothing')))).toBe('ENOENT');
    expect(await codeOf(() => io.readFile(join(root, 'nothing')))).toBe('ENOENT');
    expect(await codeOf(() => io.readdir(join(root, 'nothing')))).toBe('ENOENT');
    expect(await codeOf(() => io.readdir(join(root, 'f')))).toBe('ENOTDIR');
  });

  it('keeps an existing file on an exclusive write, renames and removes folders with their files', async () => {
    const { io, root } = make();
    io.writeFile(join(root, 'x', 'form.xlsx'), 'first');
    expect(io.writeFile(join(root, 'x', 'form.xlsx'), 'second', { exclusive: true })).toBe(false);
    expect(new TextDecoder().decode(io.readFileSync(join(root, 'x', 'form.xlsx')))).toBe('first');
    io.writeFile(join(root, 'x', 'form.xlsx'), 'third');
    expect(new TextDecoder().decode(io.readFileSync(join(root, 'x', 'form.xlsx')))).toBe('third');
    io.rename(join(root, 'x'), join(root, 'y'));
    expect(io.exists(join(root, 'x'))).toBe(false);
    expect(new TextDecoder().decode(await io.readFile(join(root, 'y', 'form.xlsx')))).toBe('third');
    io.remove(join(root, 'y'));
    io.remove(join(root, 'y'));
    expect(io.exists(join(root, 'y'))).toBe(false);
    // No temporary file is left beside a written one.
    io.writeFile(join(root, 'z', 'a.json'), '{}');
    expect((await io.readdir(join(root, 'z'))).map((e) => e.name)).toEqual(['a.json']);
  });

  it('the quarter side: lstatSync, fsync of a file and a folder, a marker written in place, a folder swapped by rename', async () => {
    const { io, root } = make();
    io.mkdir(join(root, 'packages', '.q.tmp', '公示'));
    io.writeFile(join(root, 'packages', '.q.tmp', '公示', 'a.csv'), 'a');
    expect(io.lstatSync(join(root, 'packages', '.q.tmp')).kind).toBe('folder');
    expect(io.lstatSync(join(root, 'packages', '.q.tmp', '公示', 'a.csv'))).toMatchObject({ kind: 'file', size: 1 });
    expect(await codeOf(() => io.lstatSync(join(root, 'nothing')))).toBe('ENOENT');
    // fsync is best effort: a file, a folder and a missing path never throw.
    io.fsync(join(root, 'packages', '.q.tmp', '公示', 'a.csv'));
    io.fsync(join(root, 'packages'));
    io.fsync(join(root, 'nothing'));
    // The marker: written in place (no temporary name beside it), replaced whole; its folder must exist.
    io.writeFileInPlace(join(root, 'packages', '.q.swap.json'), '{"final":"q"}');
    io.writeFileInPlace(join(root, 'packages', '.q.swap.json'), new TextEncoder().encode('{}'));
    expect(new TextDecoder().decode(io.readFileSync(join(root, 'packages', '.q.swap.json')))).toBe('{}');
    expect(await codeOf(() => io.writeFileInPlace(join(root, 'no', 'm.json'), '{}'))).toBe('ENOENT');
    io.rename(join(root, 'packages', '.q.tmp'), join(root, 'packages', 'q'));
    expect((await io.readdir(join(root, 'packages'))).map((e) => e.name).sort()).toEqual(['.q.swap.json', 'q']);
    expect(new TextDecoder().decode(io.readFileSync(join(root, 'packages', 'q', '公示', 'a.csv')))).toBe('a');
  });
});

describe('the Node port keeps what io/ did', () => {
  it('never waits on a FIFO: ENOTFILE at once', async () => {
    const root = tempDir('port-fifo');
    dirs.push(root);
    const fifo = join(root, 'manifest.json');
    // Node has no mkfifoSync (node:fs never exported one: the import was undefined): the system's mkfifo makes it.
    execFileSync('mkfifo', [fifo]);
    expect(await codeOf(() => nodePort.readFile(fifo))).toBe('ENOTFILE');
    expect(await codeOf(() => nodePort.readFileSync(fifo))).toBe('ENOTFILE');
    expect(nodePort.diskPath(fifo)).toBe(fifo);
  });
  it('writes the bytes given, and a Uint8Array view only its own bytes', () => {
    const root = tempDir('port-view');
    dirs.push(root);
    mkdirSync(root, { recursive: true });
    const big = new Uint8Array([9, 9, 1, 2, 9]);
    nodePort.writeFile(join(root, 'v'), big.subarray(2, 4));
    expect([...readFileSync(join(root, 'v'))]).toEqual([1, 2]);
  });
});

describe('the memory port', () => {
  it('resolves paths as POSIX does and holds no file on the disk', () => {
    expect(normalisePosix('/ws/./a/../b/')).toBe('/ws/b');
    expect(normalisePosix('ws')).toBe('/ws');
    const io = new MemoryPort({ '/ws/submissions/2026Q3/就业办/名单.csv': 'a,b\n' });
    // Through the port's interface, as the api calls it: a path in, no disk path out.
    const port: IoPort = io;
    expect(port.diskPath('/ws/submissions/2026Q3/就业办/名单.csv')).toBeUndefined();
    expect(io.list('/ws')).toEqual(['/ws/submissions/2026Q3/就业办/名单.csv']);
    expect(io.statSync('/ws/submissions/2026Q3').kind).toBe('folder');
    io.writeFile('/ws/out.json', '{}');
    expect(io.written).toEqual(['/ws/out.json']);
  });
  it('imports nothing of Node (the browser bundle takes it as it is)', () => {
    for (const f of ['src/io/memory-port.ts', 'src/io/port.ts']) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', f), 'utf8');
      expect(text).not.toMatch(/from 'node:|require\(|\bBuffer[.<]|: Buffer\b/);
    }
  });
});
