/**
 * What the tool says when started from Explorer (people.md "Double-click and drag-and-drop"): the
 * Windows launcher sets HRSS_CREDIT_LAUNCH=explorer when it was double-clicked or had something dropped
 * on it (cli/launch.ts). Words: zh-CN/launch.ts and en/launch.ts, typed LaunchUiText (types.ts).
 */
import type { Lang } from './index.js';
import type { LaunchUiText } from './types.js';
import { enLaunchUi } from './en/launch.js';
import { zhLaunchUi } from './zh-CN/launch.js';

export type { LaunchUiText };

export function launchUi(lang: Lang): LaunchUiText {
  return lang === 'en' ? enLaunchUi : zhLaunchUi;
}
