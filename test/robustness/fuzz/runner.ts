// The fuzzer: generates seeded inputs (mutate.ts), checks each with the oracle (engine, every fix, fix-all)
// in worker threads, and watches the workers: a step of the oracle (one analysis, the edits of one fix) that
// takes longer than the time limit is a hang (the worker is terminated and replaced). Failures are reduced (lines removed while the failure stays) and saved
// as regression fixtures under test/robustness/fixtures/found/, which fixtures.test.ts replays.
//
//   node scripts/fuzz.mjs --iterations 100000 [--seed 1] [--workers 2] [--time-limit 10000] [--no-save] [--json]
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { examine } from '../oracle';
import { generate } from './mutate';
import { loadSeeds, Seed } from './seeds';

interface Options {
  iterations: number;
  seed: number;
  workers: number;
  timeLimitMs: number;
  save: boolean;
  json: boolean;
  maxFailures: number;
  root: string;
}

interface WorkerInput {
  seeds: Seed[];
  seed: number;
  iterations: number;
  start: number;
  step: number;
}

type FromWorker =
  | { type: 'start'; i: number }
  | { type: 'alive'; i: number }
  | { type: 'done'; i: number; ms: number; stepMs: number; failures: string[]; findings: number; fixes: number };

export interface Failure {
  iteration: number;
  kind: 'failure' | 'hang';
  messages: string[];
  seedFile: string;
  mutations: string[];
  fixture?: string;
}

export interface Summary {
  seed: number;
  iterations: number;
  seeds: number;
  sources: Record<string, number>;
  workers: number;
  seconds: number;
  inputsPerSecond: number;
  findings: number;
  fixesChecked: number;
  /** The slowest input (all its steps) and the slowest single step (one analysis or fix). */
  slowest: { iteration: number; ms: number };
  slowestStep: { iteration: number; ms: number };
  failures: Failure[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    iterations: 1000, seed: 1, workers: Math.max(1, Math.min(2, availableParallelism())), timeLimitMs: 10_000,
    save: true, json: false, maxFailures: 20, root: process.cwd(),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer`);
      return n;
    };
    if (a === '--iterations') options.iterations = int();
    else if (a === '--seed') options.seed = int();
    else if (a === '--workers') options.workers = Math.max(1, int());
    else if (a === '--time-limit') options.timeLimitMs = Math.max(100, int());
    else if (a === '--max-failures') options.maxFailures = Math.max(1, int());
    else if (a === '--root') options.root = resolve(value());
    else if (a === '--no-save') options.save = false;
    else if (a === '--json') options.json = true;
    else throw new Error(`unknown option ${a}`);
  }
  return options;
}

// ---- worker ------------------------------------------------------------------------------------------

function workerMain(input: WorkerInput): void {
  for (let i = input.start; i < input.iterations; i += input.step) {
    parentPort!.postMessage({ type: 'start', i } satisfies FromWorker);
    const generated = generate(input.seeds, input.seed, i);
    const started = performance.now();
    let failures: string[];
    let findings = 0;
    let fixes = 0;
    // The time limit is per step (one analysis, one fix): an input with hundreds of fixes is not a hang.
    let lastStep = started;
    let lastAlive = started;
    let stepMs = 0;
    const onStep = () => {
      const now = performance.now();
      stepMs = Math.max(stepMs, now - lastStep);
      lastStep = now;
      if (now - lastAlive > 250) {
        lastAlive = now;
        parentPort!.postMessage({ type: 'alive', i } satisfies FromWorker);
      }
    };
    try {
      const verdict = examine(generated.text, { path: generated.path, onStep });
      failures = verdict.failures;
      findings = verdict.findings.length;
      fixes = verdict.fixesTried;
    } catch (error) {
      failures = [`the oracle threw: ${(error as Error)?.stack ?? error}`];
    }
    onStep();
    parentPort!.postMessage({ type: 'done', i, ms: performance.now() - started, stepMs, failures, findings, fixes } satisfies FromWorker);
  }
}

// ---- reduction and fixtures ----------------------------------------------------------------------------

/** What kind of failure this is, without the details that change when the input shrinks. */
function category(message: string): string {
  return message.split('\n')[0].replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').replace(/ on [A-Za-z]+\/\S*/g, '').slice(0, 100);
}

/** Removes lines while a failure of the same kind remains (bounded in attempts and time). */
export function reduce(text: string, path: string, messages: string[], budgetMs = 20_000): string {
  const wanted = new Set(messages.map(category));
  const fails = (candidate: string) => {
    try {
      return examine(candidate, { path }).failures.some(f => wanted.has(category(f)));
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + budgetMs;
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
  let lines = text.split(eol);
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && Date.now() < deadline; chunk >>= 1) {
    for (let start = 0; start < lines.length && Date.now() < deadline;) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
      if (candidate.length && fails(candidate.join(eol))) lines = candidate;
      else start += chunk;
    }
  }
  return lines.join(eol);
}

function saveFixture(options: Options, failure: Failure, text: string, path: string, reducedText: string | undefined): string {
  const dir = join(options.root, 'test', 'robustness', 'fixtures', 'found');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `fuzz-${options.seed}-${failure.iteration}.json`);
  writeFileSync(file, `${JSON.stringify({
    source: `npm run fuzz -- --seed ${options.seed} (iteration ${failure.iteration}), seed file ${failure.seedFile}, mutations ${failure.mutations.join(', ')}`,
    kind: failure.kind,
    failures: failure.messages,
    path,
    text: reducedText ?? text,
    original: reducedText !== undefined && reducedText !== text ? text : undefined,
  }, null, 2)}\n`);
  return file;
}

// ---- main --------------------------------------------------------------------------------------------

export async function run(options: Options): Promise<Summary> {
  const { seeds, sources } = loadSeeds(options.root);
  if (!seeds.length) throw new Error('no seed manifests found (examples/ is missing?)');
  const started = Date.now();
  const failures: Failure[] = [];
  let done = 0;
  let findings = 0;
  let fixes = 0;
  let slowest = { iteration: -1, ms: 0 };
  let slowestStep = { iteration: -1, ms: 0 };
  const step = Math.min(options.workers, Math.max(1, options.iterations));
  let lastProgress = Date.now();
  const slotStates: Array<{ since: number } | undefined> = [];

  const record = (i: number, kind: Failure['kind'], messages: string[]) => {
    const generated = generate(seeds, options.seed, i);
    const failure: Failure = { iteration: i, kind, messages, seedFile: generated.seed, mutations: generated.mutations };
    if (options.save) {
      const reduced = kind === 'failure' ? reduce(generated.text, generated.path, messages) : undefined;
      failure.fixture = saveFixture(options, failure, generated.text, generated.path, reduced);
    }
    failures.push(failure);
    // Reducing took this thread's time: inputs that started meanwhile get their full time limit again.
    for (const slot of slotStates) if (slot) slot.since = Math.max(slot.since, Date.now());
    if (!options.json) process.stderr.write(`FAIL iteration ${i} (${kind}): ${messages[0].split('\n')[0]}${failure.fixture ? `\n  saved ${failure.fixture}` : ''}\n`);
  };

  await new Promise<void>((resolveAll, rejectAll) => {
    let live = 0;
    const slots = slotStates as Array<{ worker: Worker; current: number; since: number } | undefined>;
    const finish = () => {
      clearInterval(watchdog);
      resolveAll();
    };
    const spawn = (slot: number, start: number) => {
      if (start >= options.iterations || failures.length >= options.maxFailures) {
        slots[slot] = undefined;
        if (--live === 0) finish();
        return;
      }
      const input: WorkerInput = { seeds, seed: options.seed, iterations: options.iterations, start, step };
      const worker = new Worker(__filename, { workerData: input });
      const state = { worker, current: -1, since: Date.now() };
      slots[slot] = state;
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'start' || m.type === 'alive') {
          state.current = m.i;
          state.since = Date.now();
          return;
        }
        state.current = -1;
        done++;
        findings += m.findings;
        fixes += m.fixes;
        if (m.ms > slowest.ms) slowest = { iteration: m.i, ms: m.ms };
        if (m.stepMs > slowestStep.ms) slowestStep = { iteration: m.i, ms: m.stepMs };
        if (m.stepMs > options.timeLimitMs) record(m.i, 'hang', [`one step took ${Math.round(m.stepMs)} ms (limit ${options.timeLimitMs} ms)`]);
        else if (m.failures.length) record(m.i, 'failure', m.failures);
        if (failures.length >= options.maxFailures) void worker.terminate();
        if (!options.json && Date.now() - lastProgress > 10_000) {
          lastProgress = Date.now();
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write(`${done}/${options.iterations} inputs, ${(done / seconds).toFixed(1)}/s, ${failures.length} failures\n`);
        }
      });
      worker.on('error', error => {
        if (slots[slot]?.worker !== worker) return;
        record(state.current, 'failure', [`the worker crashed: ${error?.stack ?? error}`]);
        done++;
        spawn(slot, state.current + step);
      });
      worker.on('exit', () => {
        if (slots[slot]?.worker !== worker) return;
        slots[slot] = undefined;
        if (--live === 0) finish();
      });
    };
    const watchdog = setInterval(() => {
      slots.forEach((state, slot) => {
        if (!state || state.current < 0 || Date.now() - state.since <= options.timeLimitMs) return;
        // The slot gets a new worker that goes on after the input that hung; the old one's exit is ignored.
        const hung = state.current;
        slots[slot] = undefined;
        void state.worker.terminate();
        done++;
        record(hung, 'hang', [`one step gave no answer within ${options.timeLimitMs} ms`]);
        spawn(slot, hung + step);
      });
    }, 200);
    for (let slot = 0; slot < step; slot++) {
      live++;
      try {
        spawn(slot, slot);
      } catch (error) {
        rejectAll(error);
      }
    }
  });
  const seconds = (Date.now() - started) / 1000;
  if (slowestStep.iteration >= 0) {
    // The slowest step's input, to look at when the figure is surprising.
    const g = generate(seeds, options.seed, slowestStep.iteration);
    const dir = join(options.root, process.env.FUZZ_OUT_DIR || 'out/fuzz-runner');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `slowest-step-${options.seed}.json`), `${JSON.stringify({ ...g, ms: slowestStep.ms, iteration: slowestStep.iteration }, null, 2)}\n`);
  }
  return {
    seed: options.seed, iterations: done, seeds: seeds.length, sources, workers: step, seconds,
    inputsPerSecond: done / Math.max(seconds, 0.001), findings, fixesChecked: fixes, slowest, slowestStep, failures,
  };
}

if (!isMainThread) {
  workerMain(workerData as WorkerInput);
} else if (require.main === module) {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${(error as Error).message}\n`);
    process.exit(2);
  }
  run(options).then(summary => {
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(`${summary.iterations} inputs in ${summary.seconds.toFixed(1)} s: ${summary.inputsPerSecond.toFixed(1)} inputs/s `
        + `(seed ${summary.seed}, ${summary.seeds} seed files, ${summary.workers} workers), ${summary.findings} findings, `
        + `${summary.fixesChecked} fixes checked, slowest input ${Math.round(summary.slowest.ms)} ms (iteration ${summary.slowest.iteration}), `
        + `slowest step ${Math.round(summary.slowestStep.ms)} ms (iteration ${summary.slowestStep.iteration}); `
        + `${summary.failures.length} failures\n`);
    }
    process.exitCode = summary.failures.length ? 1 : 0;
  }, error => {
    process.stderr.write(`fuzz: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  });
}
