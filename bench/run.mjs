#!/usr/bin/env node
// `npm run bench`: Kubeready's benchmark suite (bench/README.md).
//
//   npm run bench                 full suite; rewrites bench/RESULTS.md and bench/results.json
//   npm run bench -- --quick      small inputs, checks only the ratios (what CI runs); writes nothing
//   npm run bench -- --peers      adds yaml-language-server and @monokle/validation, installed into a scratch
//                                 folder under the OS temp dir (never into this repository's dependencies)
//   --only lint,edit,workspace,cli   run a subset      --no-build   use dist/ as it is
//
// Every measurement runs in a fresh Node process (bench/out/harness.js, built here from bench/harness.ts) and
// is compared with a floor measured in the same run on the same input, so the ratios mean something on a
// noisy machine even when the absolute times do not.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem, arch } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YAML_ESM_ALIAS } from '../scripts/yaml-alias.mjs';
import { generateFile, generateTree, writeTree } from './generate.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const OUT = join(BENCH, 'out');
const INPUTS = join(OUT, 'inputs');

const argv = process.argv.slice(2);
const flag = name => argv.includes(name);
const option = name => {
  const i = argv.findIndex(a => a === name || a.startsWith(`${name}=`));
  if (i === -1) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
};
const QUICK = flag('--quick');
const PEERS = flag('--peers');
const ONLY = option('--only')?.split(',').map(s => s.trim()).filter(Boolean);
const wanted = name => !ONLY || ONLY.includes(name);

/** The targets of issue 8 (absolute, for the full run) and the ratios the quick run checks. */
const TARGETS = {
  lintRatio: 1.3, // full lint ÷ parseAllDocuments, 1,000 and 10,000 documents
  editMs: 10, // server time, 1,000-document file
  indexMs: 3000, // 2,000 files × 3 documents
  serverRssMb: 250,
  cliMs: 150, // one-file lint, start-up included
  peersSpeedup: 10,
  // Quick run (ratios only): edit latency ÷ full re-parse, indexing ÷ parsing the tree, CLI ÷ empty node.
  editShareOfParse: 0.05,
  indexRatio: 1.6,
  cliRatio: 1.6,
};

const SIZES = QUICK
  ? { lint: [{ docs: 1000, pairs: 11, withoutHeld: 0 }], edit: { docs: 1000, edits: 8 }, tree: { files: 300, docsPerFile: 3 }, cliRuns: 5, cliRss: null }
  : { lint: [{ docs: 100, pairs: 15, withoutHeld: 0 }, { docs: 1000, pairs: 21, withoutHeld: 11 }, { docs: 10000, pairs: 7, withoutHeld: 3 }], edit: { docs: 1000, edits: 20 }, tree: { files: 2000, docsPerFile: 3 }, cliRuns: 9, cliRss: 10000 };

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function build() {
  if (!flag('--no-build')) {
    log('building dist/ (node esbuild.mjs)');
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('node esbuild.mjs failed');
  }
  mkdirSync(OUT, { recursive: true });
  const entries = ['harness', ...(PEERS ? ['peers'] : [])];
  const r = spawnSync(process.execPath, ['-e', `for (const name of ${JSON.stringify(entries)}) require('esbuild').buildSync({
    entryPoints: ['bench/' + name + '.ts'], outfile: 'bench/out/' + name + '.js', bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', alias: ${JSON.stringify(YAML_ESM_ALIAS)} });`], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the bench harness failed');
}

/** Inputs are generated once per generator version and size, and reused by later runs. */
function input(name, make) {
  const generator = readFileSync(join(BENCH, 'generate.mjs'));
  const stamp = createHash('sha256').update(generator).update(name).digest('hex').slice(0, 16);
  const path = join(INPUTS, name);
  const stampFile = `${path}.stamp`;
  if (existsSync(path) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return path;
  log(`generating ${relative(ROOT, path)}`);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(INPUTS, { recursive: true });
  make(path);
  writeFileSync(stampFile, stamp);
  return path;
}

const docsFile = docs => input(`docs-${docs}.yaml`, path => writeFileSync(path, generateFile(docs)));
const treeDir = (files, perFile) => input(`tree-${files}x${perFile}`, path => writeTree(path, generateTree(files, perFile)));

function harness(script, args, timeoutMs = 30 * 60_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', join(OUT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`${script} ${args[0]} timed out`)); }, timeoutMs);
    child.stdout.on('data', c => { out += c; });
    child.on('close', code => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop();
      if (code !== 0 || !last) return reject(new Error(`${script} ${args.join(' ')} failed (exit ${code})`));
      try {
        resolve(JSON.parse(last));
      } catch (e) {
        reject(new Error(`${script} ${args[0]}: unreadable result: ${last.slice(0, 200)}`));
      }
    });
  });
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    yaml: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml', 'package.json'), 'utf8')).version,
    loadAverage: loadavg().map(l => Math.round(l * 100) / 100),
  };
}

// ---- formatting ---------------------------------------------------------------------------------------

const ms = (n, digits = n < 10 ? 1 : 0) => (n === undefined || Number.isNaN(n) ? '–' : `${n.toFixed(digits)} ms`);
const mb = bytes => (bytes ? `${Math.round(bytes / 2 ** 20)} MB` : '–');
const x = n => (n === undefined || Number.isNaN(n) ? '–' : `${n.toFixed(2)}×`);
const spread = s => (s ? `${ms(s.median)} (IQR ${ms(s.iqr)})` : '–');
const check = ok => (ok === undefined ? '' : ok ? 'yes' : '**no**');
const kb = bytes => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;

function table(results) {
  const rows = [];
  const add = (measure, value, floor, ratio, target, ok) => rows.push(`| ${measure} | ${value} | ${floor} | ${ratio} | ${target} | ${check(ok)} |`);
  for (const l of results.lint ?? []) {
    const target = l.documents >= 1000 ? `≤ ${TARGETS.lintRatio}×` : '';
    add(`(a) full lint, ${l.documents.toLocaleString('en-US')} documents (${kb(l.bytes)}, ${l.findings.toLocaleString('en-US')} findings)`,
      `${spread(l.lint.thread)}`, `parseAllDocuments ${spread(l.parse.thread)}`,
      `${x(l.ratio.thread.median)} (wall ${x(l.ratio.wall.median)}, process CPU ${x(l.ratio.cpu.median)}${l.withoutHeldShapes ? `; without held trees ${x(l.withoutHeldShapes.ratio.thread.median)}` : ''})`, target,
      l.documents >= 1000 ? l.ratio.thread.median <= TARGETS.lintRatio : undefined);
  }
  const e = results.edit;
  if (e) {
    const floor = results.lint?.find(l => l.documents === 1000)?.parse.thread.median;
    for (const [label, m] of [['one-character edit', e.oneChar], ['edit that adds a document', e.addDocument], ['edit that removes it', e.removeDocument]]) {
      add(`(b) ${label}, 1,000-document file (${e.diagnostics.toLocaleString('en-US')} diagnostics)`, `server ${spread(m.server)}; client sees it in ${ms(m.client.median)}`,
        floor ? `full re-parse ${ms(floor)}` : '', floor ? `${(100 * m.server.median / floor).toFixed(1)}% of a re-parse` : '',
        label.startsWith('edit that removes') ? '' : `≤ ${TARGETS.editMs} ms`, label.startsWith('edit that removes') ? undefined : m.server.median <= TARGETS.editMs);
    }
  }
  const w = results.workspace;
  if (w) {
    add(`(c) index ${w.files.toLocaleString('en-US')} files × ${results.config.tree.docsPerFile} documents`, ms(w.indexMs), `parseAllDocuments of every file ${ms(w.parseAllMs)}`,
      x(w.indexMs / w.parseAllMs), `≤ ${TARGETS.indexMs} ms`, w.files >= 2000 ? w.indexMs <= TARGETS.indexMs : undefined);
    add('(c) first diagnostics of an open file while indexing', ms(w.firstDiagnosticsMs), '', w.openFileFirst ? 'before indexing ends' : '**after indexing**', 'open files first', w.openFileFirst);
    if (w.crossResourceAnalysisMs !== undefined) {
      add('(c) the open file analysed with the cross-resource rules (other files\' objects parsed as they are read)', `${ms(w.crossResourceAnalysisMs)} (${ms(w.crossResourceAfterIndexMs)} after indexing)`, '', '', '', undefined);
    }
    add('(d) server peak RSS, indexed workspace', mb(w.rssBytes), '', '', `≤ ${TARGETS.serverRssMb} MB`, w.rssBytes ? w.rssBytes / 2 ** 20 <= TARGETS.serverRssMb : undefined);
  }
  const wc = results.workspaceChecklist;
  if (wc) {
    add('(d) server peak RSS, indexed workspace and its checklist (VS Code: every file analysed for the panel)', `${mb(wc.rssBytes)} (checklist ${ms(wc.checklistMs)} after indexing)`, '', '',
      `≤ ${TARGETS.serverRssMb} MB`, wc.rssBytes ? wc.rssBytes / 2 ** 20 <= TARGETS.serverRssMb : undefined);
  }
  if (results.cliRss) {
    const c = results.cliRss;
    add(`(d) CLI peak RSS, ${kb(c.bytes)} file (10,000 documents)`, `${mb(c.rssBytes)} (${ms(c.wallMs)})`, `empty node ${mb(c.emptyNodeRssBytes)}`, '', '', undefined);
  }
  if (results.cli) {
    const c = results.cli;
    add(`(e) CLI one-file lint, start-up included (${kb(c.bytes)})`, spread(c.cli), `empty node ${spread(c.emptyNode)}`, x(c.ratio.median), `≤ ${TARGETS.cliMs} ms`, c.cli.median <= TARGETS.cliMs);
    const clean = c.withoutExtraCaCerts;
    if (clean) {
      add('(e) the same with `NODE_EXTRA_CA_CERTS` unset (this machine sets it; every Node process then reads the CA bundle at start-up)',
        spread(clean.cli), `empty node ${spread(clean.emptyNode)}`, x(clean.ratio.median), `≤ ${TARGETS.cliMs} ms`, clean.cli.median <= TARGETS.cliMs);
    }
  }
  for (const p of results.peers?.rows ?? []) add(p.measure, p.value, p.floor, p.ratio, p.target ?? '', p.ok);
  return ['| measure | Kubeready | floor (same run) | ratio | target | met |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function quickChecks(results) {
  const failures = [];
  const l = results.lint?.find(r => r.documents === 1000);
  if (l && l.ratio.thread.median > TARGETS.lintRatio) failures.push(`full lint is ${l.ratio.thread.median.toFixed(2)}× parseAllDocuments (limit ${TARGETS.lintRatio}×)`);
  if (results.edit && l) {
    for (const [label, m] of [['one-character edit', results.edit.oneChar], ['document added', results.edit.addDocument]]) {
      const share = m.server.median / l.parse.thread.median;
      if (share > TARGETS.editShareOfParse) failures.push(`${label}: server time is ${(100 * share).toFixed(1)}% of a full re-parse (limit ${100 * TARGETS.editShareOfParse}%)`);
    }
  }
  const w = results.workspace;
  if (w) {
    if (!w.openFileFirst) failures.push('the open file was diagnosed only after indexing finished');
    if (w.indexMs / w.parseAllMs > TARGETS.indexRatio) failures.push(`indexing took ${(w.indexMs / w.parseAllMs).toFixed(2)}× parsing the tree (limit ${TARGETS.indexRatio}×)`);
  }
  if (results.cli && results.cli.ratio.median > TARGETS.cliRatio) failures.push(`CLI one-file lint took ${results.cli.ratio.median.toFixed(2)}× an empty node (limit ${TARGETS.cliRatio}×)`);
  return failures;
}

function markdown(results) {
  const m = results.machine;
  return `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${results.date}. Do not edit: run the suite again.

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; \`yaml\` ${m.yaml}.
Load average at the start: ${m.loadAverage.join(', ')} (on a shared machine absolute times vary from run to run; the ratios
compare with a floor measured in the same run and are what the targets and CI check).

${table(results)}

Medians over repeated runs in one process after a warm-up, with the interquartile range (IQR). (a) compares CPU time
of the whole analysis (parse, model, every rule, suppressions, finding records) with \`yaml.parseAllDocuments\` of the
same text, run alternately, while the process holds the parsed and linted trees of the input's first 100 documents, as a
process that lints or serves files holds its trees ("without held trees": every run re-optimizes; see bench/README.md). (b) is measured over LSP against \`dist/server.js\` with \`kubeready.validation.delayMs: 0\`:
"server" is from receiving \`didChange\` to handing the diagnostics to the connection (KUBEREADY_TIMING=1), "client
sees it" adds JSON encoding, the pipe and decoding. Inputs: \`bench/generate.mjs\` (deterministic).
${results.lint ? `
Where the lint time goes (medians, ms): ${results.lint.map(l => `${l.documents.toLocaleString('en-US')} documents: parse and model ${ms(l.phases.update.median)}, rules and suppressions ${ms(l.phases.analyze.median)}, records ${ms(l.phases.records.median)}`).join('; ')}.

The floor of (a) parses with the build of \`yaml\` that Kubeready ships (its ES modules, see esbuild.mjs). With the build
\`require('yaml')\` gives in Node, which reads \`process.env\` on every token, the same parse takes ${results.lint.filter(l => l.nodeBuild).map(l => `${ms(l.nodeBuild.parse.median)} (${l.documents.toLocaleString('en-US')} documents; Kubeready's full lint is ${x(l.nodeBuild.ratio.median)} of it)`).join(', ')}.` : ''}
${results.edit ? `
Server time of an edit by phase (medians): one character: update ${ms(results.edit.oneChar.phases.update.median)}, analyze ${ms(results.edit.oneChar.phases.analyze.median)}, diagnostics ${ms(results.edit.oneChar.phases.diagnostics.median)}, then JSON encoding ${ms(results.edit.oneChar.phases.serialize.median)}; added document: update ${ms(results.edit.addDocument.phases.update.median)}, analyze ${ms(results.edit.addDocument.phases.analyze.median)}, diagnostics ${ms(results.edit.addDocument.phases.diagnostics.median)}, encoding ${ms(results.edit.addDocument.phases.serialize.median)}.` : ''}
${results.peers?.notes?.length ? `\n${results.peers.notes.map(n => `- ${n}`).join('\n')}\n` : ''}`;
}

// ---- main ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  build();
  const results = { date: new Date().toISOString().slice(0, 10), quick: QUICK, machine: machine(), config: SIZES };
  if (wanted('lint')) {
    results.lint = [];
    for (const { docs, pairs, withoutHeld } of SIZES.lint) {
      log(`(a) full lint vs parseAllDocuments, ${docs} documents, ${pairs} pairs${withoutHeld ? ` (and ${withoutHeld} without held trees)` : ''}`);
      results.lint.push(await harness('harness.js', ['lint', docsFile(docs), String(pairs), String(withoutHeld)]));
    }
  }
  if (wanted('edit')) {
    log(`(b) edit latency over LSP, ${SIZES.edit.docs} documents`);
    results.edit = await harness('harness.js', ['edit', docsFile(SIZES.edit.docs), String(SIZES.edit.edits)]);
  }
  const { files, docsPerFile } = SIZES.tree;
  const treeFiles = wanted('workspace') || wanted('cli') ? generateTree(files, docsPerFile).map(f => f.path) : [];
  if (wanted('workspace')) {
    const dir = treeDir(files, docsPerFile);
    const open = join(dir, treeFiles[Math.floor(files / 2)]);
    log(`(c) workspace indexing, ${files} files × ${docsPerFile} documents`);
    results.workspace = await harness('harness.js', ['workspace', dir, open]);
    log('(d) the same with the workspace checklist (as the VS Code extension starts the server)');
    results.workspaceChecklist = await harness('harness.js', ['workspace', dir, open, 'checklist']);
  }
  if (wanted('cli')) {
    const one = join(treeDir(files, docsPerFile), treeFiles[1]);
    log('(e) CLI one-file lint');
    results.cli = await harness('harness.js', ['cli', one, String(SIZES.cliRuns)]);
    if (SIZES.cliRss) {
      log(`(d) CLI peak RSS, ${SIZES.cliRss} documents`);
      results.cliRss = await harness('harness.js', ['cli-rss', docsFile(SIZES.cliRss)]);
    }
  }
  if (PEERS) {
    log('peers: yaml-language-server and @monokle/validation');
    results.peers = await harness('peers.js', [docsFile(1000), docsFile(100), JSON.stringify(results.edit ? { oneChar: results.edit.oneChar.server.median, client: results.edit.oneChar.client.median } : {})], 60 * 60_000);
  }
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${table(results)}\n\n`);
  if (QUICK) {
    const failures = quickChecks(results);
    for (const f of failures) log(`FAIL ${f}`);
    log(failures.length ? `${failures.length} ratio check(s) failed` : `all ratio checks hold (${results.durationSeconds} s)`);
    process.exitCode = failures.length ? 1 : 0;
    return;
  }
  if (!ONLY) {
    writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(BENCH, 'RESULTS.md'), markdown(results));
    log(`wrote bench/RESULTS.md and bench/results.json (${results.durationSeconds} s)`);
  } else log('a subset ran (--only): bench/RESULTS.md is left as it is');
}

main().catch(error => {
  log(error?.stack ?? String(error));
  process.exitCode = 2;
});
