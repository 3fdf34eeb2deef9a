// How the language server (and so its indexing threads) sets up V8, first thing at start-up. The CLI does not:
// loading `node:v8` alone costs about 4 ms, a few percent of a one-file lint, for a gain only on large inputs.
import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring. When V8 sees objects from one object or array literal survive a
 * few young-generation collections, it allocates that literal's later objects directly in the old generation;
 * for our workload (many short-lived objects from the same literals as the long-lived model) that decision made
 * converting a publish's diagnostics 10× slower in about half of the server processes (an edit of a 1,000-document
 * file then took 11-12 ms instead of 7), and a full analysis of a large file about 5% slower (bench/README.md).
 * V8 reads this flag at each collection, so setting it at start-up is the same as passing it on the command line,
 * which editors starting the server do not let us do.
 */
export function applyV8Settings(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
