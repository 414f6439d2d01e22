/**
 * The first thing the tool does, on any Node (bin/hrss-credit.js, the release bundle): refuse a Node
 * older than it supports before loading anything that could fail or misjudge a file on it (under Node
 * 18 a valid .docx case file was EVIDENCE_FILE_INVALID). Imports only texts (which import nothing at run
 * time) and the version.
 */
import { nodeTooOldText } from '../messages/node-check.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { launchUi } from '../messages/launch.js';

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

/**
 * What to print for a refusal: the text on stderr, or under `--format json` the one JSON document the
 * contract promises on stdout (the shape of every exit-2 document, error code NODE_UNSUPPORTED).
 */
export function nodeRefusalOutput(
  version: string,
  argv: readonly string[],
  env: Record<string, string | undefined>,
): { stdout: string; stderr: string } | undefined {
  const text = nodeRefusal(version, argv, env);
  if (text === undefined) return undefined;
  const json = argv.some((a, i) => a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
  // Dropped on the launcher, the window waits for a key after this too (main() is never reached).
  const wait = env.HRSS_CREDIT_LAUNCH === 'explorer' ? `\n${launchUi(/^Node\.js/.test(text) ? 'en' : 'zh-CN').pressAnyKey}\n` : '';
  if (!json) return { stdout: '', stderr: `${text}\n${wait}` };
  const command = argv.find((a) => /^[a-z]+$/.test(a)) ?? '';
  const doc = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command,
    valid: false,
    stats: { files: 0, rows: 0, errors: 0, warnings: 0, info: 0 },
    diagnostics: [],
    dropped: [],
    error: { code: 'NODE_UNSUPPORTED', message: text },
  };
  return { stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: '' };
}
