/** Loads the measures catalogue: config `measures` inline, or the JSON file it names (workspace-relative). */
import { resolve } from 'node:path';
import { loadJson } from './workspace.js';
import { MeasuresFileSchema, type MeasureEntry } from '../../schemas/measures.js';
import type { Config } from '../../schemas/config.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export function loadMeasures(config: Config, base: string, io: IoPort = nodePort): MeasureEntry[] {
  const m = config.measures;
  if (m === undefined) return [];
  if (Array.isArray(m)) return m;
  const parsed = loadJson(resolve(base, m), (v) => MeasuresFileSchema.parse(v), 'CONFIG_INVALID', m, io);
  return Array.isArray(parsed) ? parsed : parsed.measures;
}
