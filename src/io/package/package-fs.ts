/**
 * Writing a package whole or not at all (package.md "Safety of the output"): build in a temporary
 * folder beside the target, then rename into place; with --force the old package is renamed away
 * first, and a marker records the swap so that the next run finishes or rolls it back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readRegularOn } from '../json-file.js';
import { join } from 'node:path';
import { alive } from '../lock.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export function tempName(quarter: string): string {
  return `.${quarter}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * A package is a set of names beside one another: the folder `<quarter>`, and when written the zip
 * `<quarter>.zip` and the manifest's hash `<quarter>.manifest.sha256`. A swap moves the whole old set
 * away to `<quarter>.replaced-<stamp>…` and the whole new set into place; the marker, written before
 * the first rename, lets the next run finish the swap (or roll it back if the new folder is gone).
 * Every step goes through the file-system port (io/port.ts): Node's by default, a MemoryPort in tests.
 */
export const PACKAGE_SIDES = ['', '.zip', '.manifest.sha256'] as const;

interface SwapMarker {
  final: string;
  /** The temporary folder (the new package). */
  temp: string;
  replaced: string;
  /** New files moved into place: temporary name → final name (the folder first). */
  moves?: { temp: string; to: string }[];
  pid?: number;
}

const markerPath = (dir: string, quarter: string): string => join(dir, `.${quarter}.swap.json`);

/** The marker of an interrupted swap of `quarter` in `dir`, if any. */
export function swapPending(dir: string, quarter: string, io: IoPort = nodePort): boolean {
  return io.exists(markerPath(dir, quarter));
}

/** Whether a name exists, a dangling link included. */
function presentOn(path: string, io: IoPort): boolean {
  try {
    io.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Moves the old set away and the new set in; every step is skipped when already done, so a second run after a crash finishes it. */
function rollForward(dir: string, m: SwapMarker, io: IoPort): void {
  const moves = m.moves ?? [{ temp: m.temp, to: m.final }];
  const present = (path: string): boolean => presentOn(path, io);
  const renameSync = (from: string, to: string): void => io.rename(from, to);
  if (!present(join(dir, m.temp)) && !present(join(dir, m.final))) {
    // The new package is gone: roll back to the old one.
    for (const side of PACKAGE_SIDES) {
      const from = join(dir, `${m.replaced}${side}`);
      if (present(from) && !present(join(dir, `${m.final}${side}`))) renameSync(from, join(dir, `${m.final}${side}`));
    }
    return;
  }
  for (const side of PACKAGE_SIDES) {
    const name = `${m.final}${side}`;
    const move = moves.find((x) => x.to === name);
    if (move && !present(join(dir, move.temp))) continue; // already the new one
    if (present(join(dir, name)) && !present(join(dir, `${m.replaced}${side}`)))
      renameSync(join(dir, name), join(dir, `${m.replaced}${side}`));
  }
  for (const move of moves) {
    if (present(join(dir, move.temp))) renameSync(join(dir, move.temp), join(dir, move.to));
  }
}

/**
 * Finishes or rolls back an interrupted swap, and removes temporary folders of dead processes.
 * With `quarter`, only that package's swap (verify/export/status of one package). A swap whose
 * process still runs is left to it.
 */
export function recoverPackages(dir: string, quarter?: string, io: IoPort = nodePort): string[] {
  const done: string[] = [];
  if (!io.exists(dir)) return done;
  for (const { name } of io.readdirSync(dir)) {
    const m = /^\.(.+)\.swap\.json$/.exec(name);
    if (!m || (quarter !== undefined && m[1] !== quarter)) continue;
    const path = join(dir, name);
    let marker: SwapMarker;
    try {
      // Bounded and non-blocking: a FIFO in the marker's place must not hang every command.
      marker = JSON.parse(utf8.decode(readRegularOn(io, path, 65_536))) as SwapMarker;
    } catch {
      io.remove(path);
      continue;
    }
    if (marker.pid !== undefined && marker.pid !== process.pid && alive(marker.pid)) continue;
    rollForward(dir, marker, io);
    io.remove(path);
    io.fsync(dir);
    done.push(marker.final);
  }
  if (quarter !== undefined) return done;
  for (const { name } of io.readdirSync(dir)) {
    const m = /^\..+\.tmp-(\d+)-[0-9a-f]+(?:\.zip|\.manifest\.sha256)?$/.exec(name);
    if (m && !alive(Number(m[1]))) {
      io.remove(join(dir, name));
      done.push(name);
    }
  }
  return done;
}

// ignoreBOM: the bytes as Buffer.toString read them (a BOM is kept, and JSON.parse refuses it as before).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Moves a finished temporary folder (and its zip and manifest hash, `extra`: temporary name →
 * final name) into place, keeping an old package set as <quarter>.replaced-<stamp>…. Returns the
 * replaced name when there was an old package.
 */
export function swapIntoPlace(
  dir: string,
  temp: string,
  quarter: string,
  stamp: string,
  extra: { temp: string; to: string }[] = [],
  io: IoPort = nodePort,
): string | undefined {
  const present = (path: string): boolean => presentOn(path, io);
  io.fsync(join(dir, temp));
  const hadOld = PACKAGE_SIDES.some((side) => present(join(dir, `${quarter}${side}`)));
  let replaced = `${quarter}.replaced-${stamp}`;
  for (let i = 2; PACKAGE_SIDES.some((side) => present(join(dir, `${replaced}${side}`))); i++)
    replaced = `${quarter}.replaced-${stamp}-${i}`;
  const marker: SwapMarker = { final: quarter, temp, replaced, moves: [{ temp, to: quarter }, ...extra], pid: process.pid };
  const mp = markerPath(dir, quarter);
  io.writeFileInPlace(mp, JSON.stringify(marker));
  io.fsync(mp);
  io.fsync(dir);
  rollForward(dir, marker, io);
  io.fsync(dir);
  io.remove(mp);
  io.fsync(dir);
  return hadOld ? replaced : undefined;
}

/** Replaced packages (full identifiers) beyond the newest `keep` are removed, with their zip and hash. Returns the removed names. */
export function pruneReplaced(dir: string, quarter: string, keep: number, io: IoPort = nodePort): string[] {
  const re = new RegExp(
    `^${quarter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.replaced-(\\d{8}T\\d{6}Z(?:-\\d+)?)(?:\\.zip|\\.manifest\\.sha256)?$`,
  );
  const stamps = new Set<string>();
  for (const { name } of io.readdirSync(dir)) {
    const m = re.exec(name);
    if (m) stamps.add(m[1] as string);
  }
  const order = (s: string): [string, number] => {
    const [t, n] = s.split('-');
    return [t as string, Number(n ?? 1)];
  };
  const sorted = [...stamps].sort((a, b) => {
    const [ta, na] = order(a);
    const [tb, nb] = order(b);
    return ta < tb ? -1 : ta > tb ? 1 : na - nb;
  });
  const removed: string[] = [];
  for (const s of sorted.slice(0, Math.max(0, sorted.length - keep))) {
    for (const side of PACKAGE_SIDES) {
      const name = `${quarter}.replaced-${s}${side}`;
      if (presentOn(join(dir, name), io)) {
        io.remove(join(dir, name));
        removed.push(name);
      }
    }
  }
  return removed;
}

/** Removes the package set at `path` (the folder, `path`.zip and `path`.manifest.sha256), whatever of it is there. */
export function removePackageSet(path: string, io: IoPort = nodePort): void {
  for (const side of PACKAGE_SIDES) io.remove(`${path}${side}`);
}

/** Writes a file whole or not at all (a temporary name beside it, then rename): see io/atomic-write.ts. */
export function writeFileDurable(path: string, data: Uint8Array | string, io: IoPort = nodePort): void {
  io.writeFile(path, data);
}

/** Copies the file `from` to `to` (its folders made), as writeFileDurable writes: evidence published byte for byte. */
export function copyFileDurable(from: string, to: string, io: IoPort = nodePort): void {
  writeFileDurable(to, io.readFileSync(from), io);
}

/** Makes the folder `dir` and the folders above it (nothing when it is there). */
export function makeFolder(dir: string, io: IoPort = nodePort): void {
  io.mkdir(dir);
}

export function sha256File(path: string, io: IoPort = nodePort): { sha256: string; bytes: number } {
  const data = io.readFileSync(path);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file below a folder, as `/`-separated relative paths, sorted by code point. */
export function listFiles(root: string, rel = '', io: IoPort = nodePort): string[] {
  const out: string[] = [];
  for (const e of io.readdirSync(join(root, rel))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.kind === 'folder') out.push(...listFiles(root, r, io));
    else out.push(r);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every file below a folder with its bytes, in the order of `listFiles` (the package's zip). */
export function readFilesBelow(root: string, io: IoPort = nodePort): { rel: string; data: Buffer }[] {
  return listFiles(root, '', io).map((rel) => ({ rel, data: asBuffer(io.readFileSync(join(root, rel))) }));
}

/** The same bytes as a Buffer (the zip writer takes Buffers), copied from none. */
const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
