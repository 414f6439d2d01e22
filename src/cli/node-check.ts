/**
 * The first thing the tool does, on any Node (bin/hrss-credit.js, the release bundle): refuse a Node
 * older than it supports before loading anything that could fail or misjudge a file on it (under Node
 * 18 a valid .docx case file was EVIDENCE_FILE_INVALID). Imports only its own text, which imports nothing.
 */
import { nodeTooOldText } from '../messages/node-check.js';

/** package.json `engines.node` (">=20"); test/node-version.test.ts holds the two together. */
export const MIN_NODE_MAJOR = 20;

/**
 * The refusal to print (exit 2), or undefined when this Node will do. The language is chosen as far
 * as can be known before the config is read: `--lang`, else HRSS_CREDIT_LANG, else Chinese.
 */
export function nodeRefusal(version: string, argv: readonly string[], env: Record<string, string | undefined>): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
  if (major >= MIN_NODE_MAJOR) return undefined;
  let lang = env.HRSS_CREDIT_LANG ?? '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--lang') lang = argv[i + 1] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice(7);
  }
  const text = /^en\b/i.test(lang) ? nodeTooOldText.en : nodeTooOldText['zh-CN'];
  return text(MIN_NODE_MAJOR, version.startsWith('v') ? version : `v${version}`);
}
