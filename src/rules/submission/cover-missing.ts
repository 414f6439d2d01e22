/** A department folder must carry its cover 报送单 (workspace.md "The cover"). */
import { defineSubmissionRule } from '../types.js';

export const coverMissing = defineSubmissionRule({
  id: 'cover/missing',
  emits: ['COVER_MISSING'],
  check(f, report) {
    if (f.folder !== undefined && f.covers.length === 0) report('COVER_MISSING', { lists: f.listFiles }, { file: f.folder });
  },
});
