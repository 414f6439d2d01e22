import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** docs/contract, docs/reference, docs/seed: copies of the shared contract, each hash listed in docs/CONTRACT-ORIGIN.md. */
const docs = join(import.meta.dirname, '..', 'docs');
const COPIED = ['contract', 'reference', 'seed'];

function listed(): Map<string, string> {
  const text = readFileSync(join(docs, 'CONTRACT-ORIGIN.md'), 'utf8');
  const rows = [...text.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map((r) => [r[1] as string, r[2] as string]));
}

function files(dir: string): string[] {
  return readdirSync(join(docs, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(docs, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('docs/ holds the contract as it was copied (docs/CONTRACT-ORIGIN.md)', () => {
  const hashes = listed();

  it('every copied file has its line, and every line its file', () => {
    const present = COPIED.flatMap(files);
    expect(present.length).toBeGreaterThan(10);
    expect(present).toEqual([...hashes.keys()].sort());
  });

  it("each copy's bytes still hash to the SHA-256 recorded when it was copied", () => {
    const differ = [...hashes].filter(
      ([file, sha]) =>
        createHash('sha256')
          .update(readFileSync(join(docs, file)))
          .digest('hex') !== sha,
    );
    expect(differ.map(([file]) => file)).toEqual([]);
  });
});
