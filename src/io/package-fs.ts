/**
 * Writing a package whole or not at all (package.md "Safety of the output"): build in a temporary
 * folder beside the target, then rename into place; with --force the old package is renamed away
 * first, and a marker records the swap so that the next run finishes or rolls it back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, openSync, fsyncSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeWrite } from './faults.js';
import { alive } from './lock.js';

export function tempName(quarter: string): string {
  return `.${quarter}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

interface SwapMarker {
  final: string;
  temp: string;
  replaced?: string;
}

const markerPath = (dir: string, quarter: string): string => join(dir, `.${quarter}.swap.json`);

/** Finishes or rolls back an interrupted swap, and removes temporary folders of dead processes. */
export function recoverPackages(dir: string): string[] {
  const done: string[] = [];
  if (!existsSync(dir)) return done;
  for (const name of readdirSync(dir)) {
    const m = /^\.(.+)\.swap\.json$/.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    let marker: SwapMarker;
    try {
      marker = JSON.parse(readFileSync(path, 'utf8')) as SwapMarker;
    } catch {
      rmSync(path, { force: true });
      continue;
    }
    const final = join(dir, marker.final);
    const temp = join(dir, marker.temp);
    if (!existsSync(final)) {
      if (existsSync(temp)) renameSync(temp, final);
      else if (marker.replaced && existsSync(join(dir, marker.replaced))) renameSync(join(dir, marker.replaced), final);
    }
    rmSync(path, { force: true });
    done.push(marker.final);
  }
  for (const name of readdirSync(dir)) {
    const m = /^\..+\.tmp-(\d+)-[0-9a-f]+(?:\.zip)?$/.exec(name);
    if (m && !alive(Number(m[1]))) {
      rmSync(join(dir, name), { recursive: true, force: true });
      done.push(name);
    }
  }
  return done;
}

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Not every platform lets a folder be opened for fsync.
  }
}

/** Moves a finished temporary folder into place, keeping an old package as <quarter>.replaced-<stamp>. */
export function swapIntoPlace(dir: string, temp: string, quarter: string, stamp: string): string | undefined {
  const final = join(dir, quarter);
  fsyncPath(join(dir, temp));
  if (!existsSync(final)) {
    renameSync(join(dir, temp), final);
    fsyncPath(dir);
    return undefined;
  }
  let replaced = `${quarter}.replaced-${stamp}`;
  for (let i = 2; existsSync(join(dir, replaced)); i++) replaced = `${quarter}.replaced-${stamp}-${i}`;
  const marker = markerPath(dir, quarter);
  writeFileSync(marker, JSON.stringify({ final: quarter, temp, replaced } satisfies SwapMarker));
  fsyncPath(marker);
  renameSync(final, join(dir, replaced));
  renameSync(join(dir, temp), final);
  rmSync(marker, { force: true });
  fsyncPath(dir);
  return replaced;
}

export function writeFileDurable(path: string, data: Buffer | string): void {
  beforeWrite(path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

export function sha256File(path: string): { sha256: string; bytes: number } {
  const data = readFileSync(path);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: statSync(path).size };
}

export function sha256Of(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file below a folder, as `/`-separated relative paths, sorted by code point. */
export function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(root, r));
    else out.push(r);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
