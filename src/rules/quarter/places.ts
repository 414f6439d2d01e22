/** A record's place, as the record index keeps it, in a finding: its location, args and sort keys. */
import type { PlaceArg } from '../../diagnostics/codes.js';
import type { Location } from '../../diagnostics/diagnostic.js';
import type { Place } from '../../table/record-index.js';
import type { QuarterPlace } from '../types.js';

export function placeArg(p: Place): PlaceArg {
  return { file: p.file, ...(p.sheet ? { sheet: p.sheet } : {}), row: p.row };
}

export function placeLocation(p: Place): Location {
  return { file: p.file, ...(p.sheet ? { sheet: p.sheet } : {}), row: p.row };
}

export function placeAt(p: Place): QuarterPlace {
  return {
    ...(p.department !== undefined ? { department: p.department } : {}),
    sort: { sheetIndex: p.sheetIndex, departmentRank: p.departmentRank },
  };
}
