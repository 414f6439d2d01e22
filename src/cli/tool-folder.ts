/**
 * Nothing is written into the tool's own folder (people.md "In Chinese, for the clerk"): a clerk who
 * follows README.txt opens the prompt there, and a report or form left beside hrss-credit.mjs goes when
 * the next version replaces the folder. Default outputs go into the workspace (-w, else the one found
 * upwards from the current folder), else the current folder — unless that is the tool's folder.
 */
import { relative, resolve, isAbsolute } from 'node:path';
import { ToolError } from '../diagnostics/tool-error.js';
import { findWorkspaceUp } from '../io/workspace/workspace.js';
import type { CommandEnv } from './env.js';

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Throws OUTPUT_IN_TOOL_FOLDER (exit 2) when `path`, a default output, would land in the tool's folder. */
export function refuseToolFolder(env: CommandEnv, path: string): void {
  const tool = env.io.toolDir;
  if (tool !== undefined && isInside(resolve(env.io.cwd, path), resolve(tool)))
    throw new ToolError('OUTPUT_IN_TOOL_FOLDER', { path: resolve(tool) });
}

/** Where a default output goes: the workspace (-w, else found upwards from the current folder), else the current folder. */
export function defaultOutputBase(env: CommandEnv): string {
  const cwd = env.io.cwd;
  return env.common.workspace !== undefined ? resolve(cwd, env.common.workspace) : (findWorkspaceUp(cwd, env.io.fs) ?? cwd);
}
