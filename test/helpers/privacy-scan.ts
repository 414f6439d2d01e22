// Reading what the public audience gets (privacy.md "Tested as a property"): the text of every file
// written (xlsx and docx parts unzipped, CSV decoded), and the leaks of personal numbers in it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findPersonalInfo } from '../../src/domain/mask.js';
import { toHalfWidth } from '../../src/domain/text.js';
import { unzip } from './zip-entries.js';

/** A file's text as a reader gets it: a zip (xlsx, docx) is its parts, XML tags dropped, entities read. */
export async function fileText(path: string): Promise<string> {
  const buf = readFileSync(path);
  if (buf.subarray(0, 2).toString('latin1') === 'PK') {
    const parts = await unzip(buf);
    return parts.map((p) => `${p.name}\n${xmlText(p.data.toString('utf8'))}`).join('\n');
  }
  return `${path}\n${buf.toString('utf8')}`;
}

/** Cell texts one per line: tags become line breaks, so digits of two cells never run together. */
function xmlText(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, '\n')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every regular file under a folder (names relative to it). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(abs).isDirectory()) walk(abs, r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

/** The digits of a number as typed anywhere: half-width, without the separators people put in. */
export const digitsOf = (typed: string): string =>
  toHalfWidth(typed)
    .replace(/[^0-9X]/gi, '')
    .toUpperCase();

/**
 * The planted numbers that a text shows in full: the text folded to half-width and stripped of the
 * spaces and hyphens inside a number, so `139 1234 5678` and `１３９１２３４５６７８` count; a number
 * typed with its area code in brackets counts as typed (brackets are not stripped: they would join
 * the digits of two texts side by side).
 */
export function plantedIn(text: string, planted: readonly string[]): string[] {
  const strip = (s: string): string =>
    toHalfWidth(s)
      .replace(/(?<=[\d)])[ -]+(?=[\d(])/g, '')
      .toUpperCase();
  const folded = strip(text);
  return planted.filter((p) => folded.includes(digitsOf(p)) || (/[(（]/.test(p) && folded.includes(strip(p))));
}

/**
 * Every ID- or phone-shaped number a text shows (the tool's own scanner), as `kind:value`. Hashes,
 * heads and record ids (runs of lower-case hex the tool made) are no one's number: left out first.
 */
export function personalNumbersIn(text: string): string[] {
  const tools = text.replace(/(?<![0-9a-f])(?=[0-9a-f]*[a-f])[0-9a-f]{12,}(?![0-9a-f])/g, '#');
  return findPersonalInfo(tools).map((m) => `${m.kind}:${m.value}`);
}
