// Small statistics for the benchmarks: medians and spreads of repeated runs, paired ratios, CPU time.
import { readFileSync } from 'node:fs';

export interface Stats {
  /** Number of measured runs. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** Interquartile range (p75 - p25): the spread the table reports. */
  iqr: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
    iqr: round(quantile(sorted, 0.75) - quantile(sorted, 0.25)),
  };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** CPU time of this process in milliseconds (user + system): less disturbed by other processes than wall time. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

let schedstat: boolean | undefined;
const napCell = new Int32Array(new SharedArrayBuffer(4));
/** Wall time spent in the naps of `threadCpuMs`, which `measure` leaves out of the wall time it reports. */
let napWall = 0;

/**
 * CPU time of the calling thread (the JavaScript main thread) in milliseconds: what running our code costs,
 * without the garbage collector's helper threads and without time spent waiting for a CPU on a busy machine.
 * Linux (/proc/thread-self/schedstat, nanoseconds); elsewhere the process's CPU time.
 *
 * The kernel brings a running thread's figure up to date only at the scheduler tick (every 4 ms here) or when
 * the thread leaves the CPU, so a plain read is up to a tick stale: a 37 ms loop read as 36 or 40 ms, a 4 ms
 * phase as 0 or 4. Sleeping 1 ms first (off the CPU, so no CPU time) makes the read exact to about 0.05 ms.
 */
export function threadCpuMs(): number {
  if (schedstat !== false) {
    const napStart = performance.now();
    Atomics.wait(napCell, 0, 0, 1);
    napWall += performance.now() - napStart;
    try {
      const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
      if (Number.isFinite(ns)) {
        schedstat = true;
        return ns / 1e6;
      }
    } catch {
      // not Linux
    }
    schedstat = false;
  }
  return cpuMs();
}

export function wallMs(): number {
  return performance.now();
}

/** Runs `fn` once and returns its CPU and wall time; collects garbage first when `--expose-gc` allows it. */
export function measure<T>(fn: () => T): { cpu: number; thread: number; wall: number; result: T } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = threadCpuMs();
  const c0 = cpuMs();
  const n0 = napWall;
  const w0 = wallMs();
  const result = fn();
  // Naps of threadCpuMs calls inside `fn` (the lint's phases) are not part of its wall time.
  const wall = wallMs() - w0 - (napWall - n0);
  const cpu = cpuMs() - c0;
  return { cpu, thread: threadCpuMs() - t0, wall, result };
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
