// Part 3 of the consistency property (test/truth/consistency.test.ts says what it plays and how to replay a
// failure): its share of PROPERTY_RUNS under its own seed, in a file of its own so that vitest's workers
// play the parts side by side.
import { propertySuite } from './consistency/property.js';

propertySuite(3, 3);
