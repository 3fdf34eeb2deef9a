// How Kubeready's processes (the CLI, the language server and its indexing threads) set up V8. Called first
// thing by each entry point; the bench harness calls it too, so it measures the engine as these processes run it.
import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring. When V8 sees objects from one object or array literal survive a
 * few young-generation collections, it allocates that literal's later objects directly in the old generation;
 * for our workload (many short-lived objects from the same literals as the long-lived model) that decision made
 * converting a publish's diagnostics 10× slower in about half of the server processes, and the model of a large
 * file about 8% slower to build (bench/README.md). V8 reads this flag at each collection, so setting it at start-up
 * is the same as passing it on the command line, which the editor and `npx kubeready` do not let us do.
 */
export function applyV8Settings(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
