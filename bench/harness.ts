// The measurements of `npm run bench`, one task per process (bench/run.mjs starts each in a fresh Node with
// --expose-gc and reads the JSON it prints on its last line). Tasks:
//   lint FILE PAIRS           full lint vs yaml.parseAllDocuments of the same text, in this process
//   edit FILE EDITS           edit latency over LSP against dist/server.js (delayMs 0)
//   workspace DIR OPEN_FILE   indexing a tree over LSP, first diagnostics of an open file, server peak RSS
//   cli FILE RUNS             CLI wall time for a one-file lint, start-up included, vs an empty `node`
//   cli-rss FILE              CLI peak RSS and wall time for one (large) file
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Composer, parseAllDocuments, Parser } from 'yaml';
// The bundle maps `yaml` to its ES module build, as esbuild.mjs does for Kubeready; this path is its Node build.
import { parseAllDocuments as parseAllDocumentsNodeBuild } from '../node_modules/yaml/dist/index.js';
import { Project } from '../server/src/analysis/project';
import { toRecord } from '../server/src/analysis/records';
import { defaultSettings } from '../server/src/analysis/settings';
import { TIMING_PREFIX } from '../server/src/lsp/timing';
import { LspServer, Positions, startLsp } from './lib/lspClient';
import { measure, round, sleep, Stats, stats, threadCpuMs } from './lib/stats';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.cjs');

type Json = Record<string, unknown>;

// ---- (a) full lint vs parseAllDocuments ------------------------------------------------------------------

function lintOnce(path: string, text: string) {
  const settings = defaultSettings();
  const project = new Project();
  const phases = { update: 0, analyze: 0, records: 0 };
  // Phases in CPU time of this thread, like the totals.
  let t = threadCpuMs();
  const file = project.update(path, text);
  phases.update = threadCpuMs() - t;
  t = threadCpuMs();
  // As `kubeready lint` analyses a file: once, caching nothing for a next analysis.
  const findings = project.analyze(path, settings, { path, noCache: true });
  phases.analyze = threadCpuMs() - t;
  t = threadCpuMs();
  const records = [];
  for (const f of findings) if (!f.suppressed) records.push(toRecord(file, path, f));
  phases.records = threadCpuMs() - t;
  let objects = 0;
  for (const d of file.documents) objects += d.objects.length;
  return { phases, findings: records.length, documents: file.documents.length, objects };
}

/**
 * Parsed and linted trees of the input's first documents, kept for the whole task. `measure` collects garbage
 * before each run, and when the last objects of a shape are collected, V8 drops the optimized code that was
 * specialized on that shape ("weak objects" in --trace-deopt: several hundred functions, `yaml`'s parser and
 * Kubeready's rules alike), so every run began by warming up again; a process that lints or serves files holds
 * such trees while it works. See bench/README.md.
 */
function holdShapes(path: string, text: string): unknown[] {
  // The first 100 documents.
  const head = text.slice(0, documentStarts(text)[100] ?? text.length);
  const project = new Project();
  const file = project.update(`${path}#shapes`, head);
  const findings = project.analyze(`${path}#shapes`, defaultSettings(), { path, noCache: true });
  const parsed = parseAllDocuments(head);
  // And a lexer, parser and composer of `yaml` (they are made per parse and dropped after it): shared by the
  // floor and the lint.
  const parser = new Parser();
  const composer = new Composer();
  const composed = [...composer.compose(parser.parse(head))];
  return [parsed, composed, parser, composer, parseAllDocumentsNodeBuild(head), project, file, findings, findings.map(f => toRecord(file, path, f))];
}

/** Module-level so that nothing can find it dead while the pairs run. */
let heldShapes: unknown[] | undefined;

function lintTask(path: string, pairs: number, withoutShapesPairs = 0): Json {
  const text = readFileSync(path, 'utf8');
  // Warm-up: both code paths compiled and the heap sized before anything is measured.
  const first = lintOnce(path, text);
  const documentCount = parseAllDocuments(text).length;
  parseAllDocumentsNodeBuild(text);
  heldShapes = holdShapes(path, text);
  const heldDocuments = (heldShapes[0] as unknown[]).length;
  const measured = runPairs(path, text, pairs);
  // The same without the held trees (every run re-optimizes), for comparison with earlier figures.
  heldShapes = undefined;
  const withoutShapes = withoutShapesPairs ? runPairs(path, text, withoutShapesPairs) : undefined;
  return {
    file: path,
    bytes: Buffer.byteLength(text),
    documents: documentCount,
    objects: first.objects,
    findings: first.findings,
    heldDocuments,
    ...measured,
    ...(withoutShapes ? { withoutHeldShapes: { parse: withoutShapes.parse, lint: withoutShapes.lint, ratio: withoutShapes.ratio } } : {}),
  };
}

function runPairs(path: string, text: string, pairs: number) {
  const series = { parseCpu: [] as number[], parseThread: [] as number[], parseWall: [] as number[], lintCpu: [] as number[], lintThread: [] as number[], lintWall: [] as number[], ratioCpu: [] as number[], ratioThread: [] as number[], ratioWall: [] as number[], nodeBuildThread: [] as number[], ratioNodeBuild: [] as number[] };
  const phases: Record<string, number[]> = { update: [], analyze: [], records: [] };
  for (let i = 0; i < pairs; i++) {
    // Alternate the order so neither side always runs on the heap the other left behind. Neither keeps its
    // result (the lint returns a summary, the parse a count): documents of one side still alive while the other
    // runs made the lint, measured second in half of the pairs, pay for collecting around the parse's trees.
    const runParse = () => measure(() => parseAllDocuments(text).length);
    const runLint = () => measure(() => lintOnce(path, text));
    let p: ReturnType<typeof runParse>;
    let l: ReturnType<typeof runLint>;
    if (i % 2 === 0) {
      p = runParse();
      l = runLint();
    } else {
      l = runLint();
      p = runParse();
    }
    series.parseCpu.push(p.cpu);
    series.parseThread.push(p.thread);
    series.parseWall.push(p.wall);
    series.lintCpu.push(l.cpu);
    series.lintThread.push(l.thread);
    series.lintWall.push(l.wall);
    series.ratioCpu.push(l.cpu / p.cpu);
    series.ratioThread.push(l.thread / p.thread);
    series.ratioWall.push(l.wall / p.wall);
    // The same parse with `yaml`'s Node build (what `require('yaml')` gives), for comparison with the issue's figures.
    const n = measure(() => parseAllDocumentsNodeBuild(text).length);
    series.nodeBuildThread.push(n.thread);
    series.ratioNodeBuild.push(l.thread / n.thread);
    for (const k of Object.keys(phases)) phases[k].push(l.result.phases[k as keyof typeof l.result.phases]);
  }
  return {
    // thread: CPU time of the main thread; cpu: of the process (garbage collector threads included); wall.
    parse: { thread: stats(series.parseThread), cpu: stats(series.parseCpu), wall: stats(series.parseWall) },
    lint: { thread: stats(series.lintThread), cpu: stats(series.lintCpu), wall: stats(series.lintWall) },
    ratio: { thread: stats(series.ratioThread), cpu: stats(series.ratioCpu), wall: stats(series.ratioWall) },
    nodeBuild: { parse: stats(series.nodeBuildThread), ratio: stats(series.ratioNodeBuild) },
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, stats(v)])),
    /** Every pair's ratio (thread CPU time), in the order run. */
    ratios: series.ratioThread.map(r => round(r)),
  };
}

// ---- (b) edit latency over LSP --------------------------------------------------------------------------

interface Timing {
  uri: string;
  version: number;
  update?: number;
  analyze?: number;
  diagnostics?: number;
  total: number;
  serialize: number;
}

function serverTimings(server: LspServer): Timing[] {
  const out: Timing[] = [];
  for (const n of server.notifications) {
    if (n.method !== 'window/logMessage') continue;
    const message = String(n.params?.message ?? '');
    if (message.startsWith(TIMING_PREFIX)) out.push(JSON.parse(message.slice(TIMING_PREFIX.length)));
  }
  return out;
}

/** Offsets of the documents of a multi-document text: where each `---` line starts (0 for the first). */
function documentStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n---'); i !== -1; i = text.indexOf('\n---', i + 1)) starts.push(i + 1);
  return starts;
}

const ADDED_DOCUMENT = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bench-added
  namespace: bench
  labels:
    app: bench-added
spec:
  replicas: 2
  selector:
    matchLabels:
      app: bench-added
  template:
    metadata:
      labels:
        app: bench-added
    spec:
      containers:
        - name: app
          image: registry.example.com/bench/app:1.0.0
          ports:
            - name: http
              containerPort: 8080
`;

async function editTask(path: string, edits: number, rssFile: string): Promise<Json> {
  let text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(resolve(path)).toString();
  const server = await startLsp({
    command: process.execPath,
    args: ['--require', RSS_HOOK, SERVER, '--stdio'],
    env: { ...process.env, KUBEREADY_TIMING: '1', KUBEREADY_BENCH_RSS_FILE: rssFile },
    configuration: section => (section === 'kubeready' ? { validation: { delayMs: 0 } } : {}),
  });
  let version = 1;
  const opened = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  const first = await server.waitFor('first diagnostics', () => server.published.find(p => p.uri === uri && p.version === 1));
  const openMs = first.at - opened;
  const diagnosticsCount = first.diagnostics.length;

  // The middle document, and the end of its metadata.name value: where a one-character edit goes.
  const starts = documentStarts(text);
  const middle = starts[Math.floor(starts.length / 2)];
  const nameAt = text.indexOf('\n  name: ', middle);
  const nameEnd = text.indexOf('\n', nameAt + 1);
  const insertAt = starts[Math.floor(starts.length / 2) + 1] ?? text.length;

  const change = async (start: number, end: number, newText: string) => {
    const positions = new Positions(text);
    const range = { start: positions.at(start), end: positions.at(end) };
    text = text.slice(0, start) + newText + text.slice(end);
    version++;
    const v = version;
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: newText }] });
    const got = await server.waitFor(`diagnostics of version ${v}`, () => server.published.find(p => p.uri === uri && p.version === v));
    return { version: v, client: got.at - sent, diagnostics: got.diagnostics.length };
  };

  const oneChar: Array<{ version: number; client: number }> = [];
  const addDoc: Array<{ version: number; client: number }> = [];
  const removeDoc: Array<{ version: number; client: number }> = [];
  // Typing: a character in, then out again, so the file stays the same size; edits follow each other at a
  // typist's pace (after the previous diagnostics, 20-40 ms), so the debounced checklist never interleaves.
  for (let i = 0; i < edits; i++) {
    oneChar.push(await change(nameEnd, nameEnd, 'x'));
    await sleep(20 + (i % 3) * 10);
    oneChar.push(await change(nameEnd, nameEnd + 1, ''));
    await sleep(20 + (i % 3) * 10);
  }
  const addCount = Math.max(3, Math.round(edits / 2));
  for (let i = 0; i < addCount; i++) {
    addDoc.push(await change(insertAt, insertAt, ADDED_DOCUMENT));
    await sleep(30);
    removeDoc.push(await change(insertAt, insertAt + ADDED_DOCUMENT.length, ''));
    await sleep(30);
  }
  // Timing lines travel after the diagnostics they describe: wait for the last one.
  await server.waitFor('last timing', () => serverTimings(server).find(t => t.version === version));
  const timings = new Map(serverTimings(server).map(t => [t.version, t]));
  await server.stop();
  const summarize = (list: Array<{ version: number; client: number }>) => {
    const t = list.map(e => timings.get(e.version)).filter((x): x is Timing => !!x);
    const phase = (k: keyof Timing) => stats(t.map(x => Number(x[k] ?? 0)));
    return {
      client: stats(list.map(e => e.client)),
      server: phase('total'),
      phases: { update: phase('update'), analyze: phase('analyze'), diagnostics: phase('diagnostics'), serialize: phase('serialize') },
    };
  };
  return {
    file: path,
    bytes: Buffer.byteLength(text),
    diagnostics: diagnosticsCount,
    openMs: round(openMs),
    oneChar: summarize(oneChar),
    addDocument: summarize(addDoc),
    removeDocument: summarize(removeDoc),
    rssBytes: readRss(rssFile),
  };
}

function readRss(file: string): number | undefined {
  try {
    return Number(readFileSync(file, 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

// ---- (c, d) workspace indexing ------------------------------------------------------------------------------

/** With `checklist`, the server is started as the VS Code extension starts it: it also computes the workspace checklist. */
async function workspaceTask(dir: string, openPath: string, rssFile: string, checklist = false): Promise<Json> {
  const rootUri = pathToFileURL(resolve(dir)).toString();
  const uri = pathToFileURL(resolve(openPath)).toString();
  const text = readFileSync(openPath, 'utf8');
  const started = performance.now();
  const server = await startLsp({
    command: process.execPath,
    args: ['--require', RSS_HOOK, SERVER, '--stdio'],
    env: { ...process.env, KUBEREADY_BENCH_RSS_FILE: rssFile },
    rootUri,
    configuration: section => (section === 'kubeready' ? { validation: { delayMs: 0 } } : {}),
    initializationOptions: checklist ? { checklist: true } : undefined,
  });
  const initialized = performance.now();
  // The editor restores an open file as soon as the server is up.
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const status = (state: string) => server.notifications.find(n => n.method === 'kubeready/status' && n.params?.state === state);
  const firstDiagnostics = await server.waitFor('diagnostics of the open file', () => server.published.find(p => p.uri === uri));
  const indexingSeen = await server.waitFor('indexing status', () => status('indexing'), 30_000).catch(() => undefined);
  const ready = await server.waitFor('indexing finished', () =>
    server.notifications.find(n => n.method === 'kubeready/status' && n.params?.state === 'ready' && (!indexingSeen || n.at >= indexingSeen.at)));
  // After indexing, the open file is checked again with the cross-resource rules, which read (and parse, for
  // files indexed as summaries) the objects of other files they need. A hover waits for that analysis; the
  // diagnostics themselves are published only when they differ from the ones sent while indexing.
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  const crossResourceAt = performance.now();
  const indexedFiles = Number(ready.params?.indexedFiles ?? 0);
  const checklistDone = checklist
    ? await server.waitFor('the workspace checklist', () => server.notifications.find(n => n.method === 'kubeready/checklist' && n.at >= ready.at && n.params?.done === true && n.params?.indexing === false), 120_000)
    : undefined;
  await server.stop();
  // The floor: yaml.parseAllDocuments of every file of the tree, in this process (reading included).
  const floor = measure(() => {
    let docs = 0;
    for (const file of yamlFiles(dir)) docs += parseAllDocuments(readFileSync(file, 'utf8')).length;
    return docs;
  });
  return {
    dir,
    files: indexedFiles,
    startupMs: round(initialized - started),
    indexMs: round(ready.at - initialized),
    firstDiagnosticsMs: round(firstDiagnostics.at - initialized),
    openFileFirst: firstDiagnostics.at <= ready.at,
    crossResourceAnalysisMs: round(crossResourceAt - initialized),
    crossResourceAfterIndexMs: round(crossResourceAt - ready.at),
    rssBytes: readRss(rssFile),
    checklistMs: checklistDone ? round(checklistDone.at - ready.at) : undefined,
    documents: floor.result,
    parseAllMs: round(floor.wall),
    parseAllCpuMs: round(floor.cpu),
  };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

// ---- (e) CLI ---------------------------------------------------------------------------------------------

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; code: number | null; stdout: number }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = 0;
    let stderr = '';
    child.stdout.on('data', c => { stdout += c.length; });
    child.stderr.on('data', c => { stderr = (stderr + c).slice(-2000); });
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`));
      else resolvePromise({ ms: performance.now() - t0, code, stdout });
    });
  });
}

/** CLI and empty-node pairs, alternated, in the environment `env`. */
async function cliPairs(path: string, runs: number, env: NodeJS.ProcessEnv): Promise<Json> {
  const lint = ['--max-old-space-size=4096', CLI, 'lint', '--format', 'json', '--fail-on', 'never', path];
  const empty = ['-e', ''];
  await run(process.execPath, lint, env);
  await run(process.execPath, empty, env);
  const cli: number[] = [];
  const node: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await run(process.execPath, lint, env);
    const b = await run(process.execPath, empty, env);
    cli.push(a.ms);
    node.push(b.ms);
    ratio.push(a.ms / b.ms);
  }
  return { cli: stats(cli), emptyNode: stats(node), ratio: stats(ratio) };
}

/**
 * Also without NODE_EXTRA_CA_CERTS when the environment sets it (as this workplace's machines do, for a proxy):
 * Node reads and parses that certificate bundle at every start, whatever the script, which costs tens of
 * milliseconds before the first line of any program runs.
 */
async function cliTask(path: string, runs: number): Promise<Json> {
  const result: Json = { file: path, bytes: Buffer.byteLength(readFileSync(path)), ...await cliPairs(path, runs, process.env) };
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _unset, ...env } = process.env;
    result.withoutExtraCaCerts = await cliPairs(path, runs, env);
  }
  return result;
}

async function cliRssTask(path: string, rssFile: string): Promise<Json> {
  const result = await run(process.execPath, ['--require', RSS_HOOK, CLI, 'lint', '--format', 'json', '--fail-on', 'never', path], { ...process.env, KUBEREADY_BENCH_RSS_FILE: rssFile });
  const empty = await run(process.execPath, ['--require', RSS_HOOK, '-e', ''], { ...process.env, KUBEREADY_BENCH_RSS_FILE: `${rssFile}.empty` });
  return { file: path, bytes: Buffer.byteLength(readFileSync(path)), wallMs: round(result.ms), rssBytes: readRss(rssFile), emptyNodeRssBytes: readRss(`${rssFile}.empty`), emptyNodeMs: round(empty.ms) };
}

// ---- main ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  const scratch = mkdtempSync(join(tmpdir(), 'kubeready-bench-'));
  const rssFile = join(scratch, 'rss');
  let result: Json;
  try {
    switch (task) {
      case 'lint': result = lintTask(args[0], Number(args[1] ?? 5), Number(args[2] ?? 0)); break;
      case 'edit': result = await editTask(args[0], Number(args[1] ?? 20), rssFile); break;
      case 'workspace': result = await workspaceTask(args[0], args[1], rssFile, args[2] === 'checklist'); break;
      case 'cli': result = await cliTask(args[0], Number(args[1] ?? 7)); break;
      case 'cli-rss': result = await cliRssTask(args[0], rssFile); break;
      default: throw new Error(`unknown task "${task}"`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export type { Stats };

main().catch(error => {
  process.stderr.write(`bench harness: ${(error as Error)?.stack ?? error}\n`);
  process.exitCode = 1;
});
