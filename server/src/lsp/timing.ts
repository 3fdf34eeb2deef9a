// Where the server's time goes for each validation, for the benchmarks (bench/README.md). Off unless the
// server runs with KUBEREADY_TIMING=1; then it logs one line (window/logMessage) per validation that follows
// a change of the document:
//   kubeready timing {"uri":…,"version":…,"update":…,"analyze":…,"diagnostics":…,"total":…,"serialize":…}
// update = parse and model (re-parsing only the documents the edit touched), analyze = rules and suppressions,
// diagnostics = conversion to LSP, total = from receiving the change to the diagnostics being handed to the
// connection; serialize = what JSON-encoding the publishDiagnostics message costs (measured separately).
import { performance } from 'node:perf_hooks';

export const TIMING_PREFIX = 'kubeready timing ';

export class ValidationTimer {
  readonly enabled = process.env.KUBEREADY_TIMING === '1';
  private readonly pending = new Map<string, { received: number; phases: Record<string, number> }>();

  /** A change of `uri` was received. */
  received(uri: string): void {
    if (this.enabled) this.pending.set(uri, { received: performance.now(), phases: {} });
  }

  now(): number {
    return this.enabled ? performance.now() : 0;
  }

  /** Adds the time since `since` (from `now()`) to a phase of the pending validation of `uri`. */
  lap(uri: string, phase: string, since: number): void {
    if (!this.enabled) return;
    const entry = this.pending.get(uri);
    if (entry) entry.phases[phase] = (entry.phases[phase] ?? 0) + performance.now() - since;
  }

  /** The diagnostics of `uri` were handed over: returns the log line, or undefined (not timing / no change). */
  published(uri: string, version: number, message: () => unknown): string | undefined {
    if (!this.enabled) return undefined;
    const entry = this.pending.get(uri);
    if (!entry) return undefined;
    this.pending.delete(uri);
    const total = performance.now() - entry.received;
    const start = performance.now();
    JSON.stringify(message());
    const serialize = performance.now() - start;
    const round = (n: number) => Math.round(n * 1000) / 1000;
    const phases = Object.fromEntries(Object.entries(entry.phases).map(([k, v]) => [k, round(v)]));
    return `${TIMING_PREFIX}${JSON.stringify({ uri, version, ...phases, total: round(total), serialize: round(serialize) })}`;
  }
}
