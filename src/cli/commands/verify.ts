/** `hrss-credit verify <package-dir|package.zip|batch>` */
import type { CommandEnv } from '../env.js';
import { verify } from '../../api/quarter/verify.js';
import { verifyTarget } from '../../api/quarter/verify-target.js';
import { shownPath } from '../../io/paths.js';
import { toJsonDocument } from '../../reporters/json.js';
import { emit } from '../render.js';
import type { VerifyDocument } from '../../schemas/documents/commands-check.js';

export async function verifyCommand(env: CommandEnv, target: string): Promise<number> {
  // A batch name (2026Q3-2) is the workspace's package of that batch; a path, the package it names.
  const dir = await verifyTarget(target, env.common);
  const r = await verify(dir, env.io.cwd, env.io.fs);
  const hashFile = shownPath(env.io.cwd, r.manifest.hashFile);
  const differences =
    r.changed.length + r.missing.length + r.added.length + r.inconsistent.length + (r.manifest.ok === false || r.manifestInvalid ? 1 : 0);
  const doc: VerifyDocument = toJsonDocument(
    'verify',
    {
      kind: r.kind,
      checked: r.checked,
      changed: r.changed,
      missing: r.missing,
      added: r.added,
      inconsistent: r.inconsistent,
      manifest: { ...r.manifest, hashFile },
      ...(r.manifestInvalid
        ? {
            manifestInvalid: {
              ...r.manifestInvalid,
              message: env.m.ui.verify.manifestInvalid(r.manifestInvalid.key, r.manifestInvalid.problem),
            },
          }
        : {}),
    },
    { valid: r.ok, stats: { files: r.checked, errors: differences } },
  );
  emit(env, 'verify', doc);
  return r.ok ? 0 : 1;
}
