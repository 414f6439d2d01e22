/**
 * The refusal of a Node.js older than the tool supports (people.md "Node, shipped and checked"). It is
 * shown before anything else of the tool is loaded, on any Node, so this file imports only its two texts (which import nothing) and uses
 * no syntax newer than the oldest Node a bureau PC may have.
 */
import { enNodeTooOld } from './en/node-check.js';
import { zhNodeTooOld } from './zh-CN/node-check.js';

export const nodeTooOldText = { 'zh-CN': zhNodeTooOld, en: enNodeTooOld };
