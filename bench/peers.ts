// `npm run bench -- --peers`: Kubeready beside yaml-language-server and @monokle/validation on the same files.
//
// The peers are installed with npm into a scratch folder under the OS temp dir (never into this repository's
// dependencies), at pinned versions, together with `kubernetes-client`, whose package ships the Kubernetes
// OpenAPI document that is turned here into a local, standalone Kubernetes JSON schema for
// yaml-language-server (what yannh/kubernetes-json-schema publishes online, which this machine cannot reach).
//
//   node bench/out/peers.js DOCS_1000 DOCS_100 KUBEREADY_EDIT_JSON
// prints one JSON object: { rows: table rows, notes: [...], raw: measurements }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseAllDocuments } from 'yaml';
import { Project } from '../server/src/analysis/project';
import { defaultSettings } from '../server/src/analysis/settings';
import { Positions, startLsp } from './lib/lspClient';
import { measure, round, sleep, Stats, stats } from './lib/stats';

const PEERS = { 'yaml-language-server': '2.0.0', '@monokle/validation': '0.33.0', 'kubernetes-client': '9.0.0' } as const;
const DIR = join(tmpdir(), 'kubeready-bench-peers');
/** yaml-language-server waits this long after a change before validating (not configurable). */
const YAML_LS_DELAY_MS = 200;

function log(message: string): void {
  process.stderr.write(`bench peers: ${message}\n`);
}

function installed(name: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function install(): void {
  const missing = Object.entries(PEERS).filter(([name, version]) => installed(name) !== version);
  if (!missing.length) return;
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(join(DIR, 'package.json'))) writeFileSync(join(DIR, 'package.json'), '{ "name": "kubeready-bench-peers", "private": true }\n');
  log(`installing ${missing.map(([n, v]) => `${n}@${v}`).join(', ')} into ${DIR}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], { cwd: DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm install of the peers failed in ${DIR}`);
}

// ---- a local Kubernetes JSON schema --------------------------------------------------------------------

type Schema = Record<string, any>;

/**
 * Kubernetes 1.13's OpenAPI definitions as one standalone, strict JSON schema: a `oneOf` over every kind,
 * each with its apiVersion and kind pinned, and no unknown properties (yannh's "standalone-strict" flavour,
 * the one yaml-language-server uses for Kubernetes). Newer API versions of the same kinds, which the
 * generated manifests use, are accepted on the 1.13 definitions.
 */
function kubernetesSchema(): string {
  const path = join(DIR, 'kubernetes-1.13-standalone-strict.json');
  if (existsSync(path)) return path;
  const spec = JSON.parse(gunzipSync(readFileSync(join(DIR, 'node_modules', 'kubernetes-client', 'lib', 'specs', 'swagger-1.13.json.gz'))).toString('utf8'));
  const definitions: Record<string, Schema> = structuredClone(spec.definitions);
  const newer: Record<string, string[]> = {
    'io.k8s.api.policy.v1beta1.PodDisruptionBudget': ['policy/v1'],
    'io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscaler': ['autoscaling/v2'],
    'io.k8s.api.batch.v1beta1.CronJob': ['batch/v1'],
    'io.k8s.api.extensions.v1beta1.Ingress': ['networking.k8s.io/v1'],
  };
  const kinds: Schema[] = [];
  for (const [name, def] of Object.entries(definitions)) {
    if (def.type === 'object' && def.properties && def.additionalProperties === undefined) def.additionalProperties = false;
    const gvks: Array<{ group: string; version: string; kind: string }> = def['x-kubernetes-group-version-kind'] ?? [];
    if (!gvks.length || !def.properties?.apiVersion || !def.properties?.kind) continue;
    const versions = [...new Set([...gvks.map(g => (g.group ? `${g.group}/${g.version}` : g.version)), ...(newer[name] ?? [])])];
    def.properties.apiVersion = { ...def.properties.apiVersion, enum: versions };
    def.properties.kind = { ...def.properties.kind, enum: [...new Set(gvks.map(g => g.kind))] };
    def.required = [...new Set([...(def.required ?? []), 'apiVersion', 'kind'])];
    kinds.push({ $ref: `#/definitions/${name}` });
  }
  writeFileSync(path, JSON.stringify({ $schema: 'http://json-schema.org/schema#', definitions, oneOf: kinds }));
  return path;
}

// ---- yaml-language-server ----------------------------------------------------------------------------------

async function yamlLanguageServer(file: string, edits: number): Promise<{ open: number; revalidate: Stats; diagnostics: number }> {
  const schema = kubernetesSchema();
  const server = await startLsp({
    command: process.execPath,
    args: [join(DIR, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    configuration: section => {
      if (section === 'yaml') {
        return {
          validate: true, hover: false, completion: false, format: { enable: false },
          schemas: { [pathToFileURL(schema).toString()]: '*.yaml' },
          schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
        };
      }
      return section === 'http' ? { proxyStrictSSL: false } : {};
    },
  });
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  let text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(resolve(file)).toString();
  let version = 1;
  const opened = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  const first = await server.waitFor('yaml-language-server diagnostics', () => server.published.find(p => p.uri === uri), 15 * 60_000);
  const open = first.at - opened;
  const starts = [0];
  for (let i = text.indexOf('\n---'); i !== -1; i = text.indexOf('\n---', i + 1)) starts.push(i + 1);
  const nameAt = text.indexOf('\n  name: ', starts[Math.floor(starts.length / 2)]);
  const nameEnd = text.indexOf('\n', nameAt + 1);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const positions = new Positions(text);
    const insert = i % 2 === 0;
    const range = insert ? { start: positions.at(nameEnd), end: positions.at(nameEnd) } : { start: positions.at(nameEnd), end: positions.at(nameEnd + 1) };
    text = insert ? `${text.slice(0, nameEnd)}x${text.slice(nameEnd)}` : text.slice(0, nameEnd) + text.slice(nameEnd + 1);
    version++;
    const count = server.published.length;
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
    const got = await server.waitFor('yaml-language-server re-validation', () => server.published.slice(count).find(p => p.uri === uri), 15 * 60_000);
    times.push(got.at - sent - YAML_LS_DELAY_MS);
    await sleep(50);
  }
  await server.stop();
  return { open: round(open), revalidate: stats(times), diagnostics: first.diagnostics.length };
}

// ---- @monokle/validation -----------------------------------------------------------------------------------

interface MonokleResource {
  id: string; fileId: string; filePath: string; fileOffset: number; name: string; apiVersion: string; kind: string;
  namespace?: string; content: any; text: string;
}

function monokleResources(file: string, text: string): MonokleResource[] {
  const out: MonokleResource[] = [];
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return out;
  docs.forEach((doc, i) => {
    const [start, , end] = doc.range;
    const content = doc.toJS();
    if (!content?.kind) return;
    const docText = text.slice(start, end);
    out.push({
      id: `doc-${i}`, fileId: basename(file), filePath: basename(file), fileOffset: text.slice(0, start).split('\n').length - 1,
      name: content.metadata?.name ?? '', apiVersion: content.apiVersion, kind: content.kind, namespace: content.metadata?.namespace, content, text: docText,
    });
  });
  return out;
}

async function monokle(file1000: string, file100: string, edits: number) {
  const lib = await import(pathToFileURL(join(DIR, 'node_modules', '@monokle', 'validation', 'lib', 'node.js')).href);
  // The plugins that work offline; kubernetes-schema and open-policy-agent download their schema or policy.
  const plugins = { 'yaml-syntax': true, 'resource-links': true, metadata: true, practices: true, 'pod-security-standards': true, 'kubernetes-schema': false, 'open-policy-agent': false };
  const validator = lib.createDefaultMonokleValidator();
  await validator.preload({ plugins });
  const parser = new lib.ResourceParser();
  const full = async (resources: MonokleResource[]) => {
    parser.clear();
    const t0 = performance.now();
    lib.processRefs(resources, parser);
    const response = await validator.validate({ resources });
    return { ms: performance.now() - t0, results: response.runs.reduce((n: number, r: any) => n + r.results.length, 0) };
  };
  const text100 = readFileSync(file100, 'utf8');
  const small = monokleResources(file100, text100);
  await full(small);
  const fullSmall: number[] = [];
  let results100 = 0;
  for (let i = 0; i < 5; i++) {
    const r = await full(monokleResources(file100, text100));
    fullSmall.push(r.ms);
    results100 = r.results;
  }
  const text1000 = readFileSync(file1000, 'utf8');
  const resources = monokleResources(file1000, text1000);
  const first = await full(resources);
  const middle = resources[Math.floor(resources.length / 2)];
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    // The edited document: its text and content change (a character of its name), the rest is reused.
    const t0 = performance.now();
    const docText = i % 2 === 0 ? middle.text.replace(/\n {2}name: (\S+)/, '\n  name: $1x') : middle.text.replace(/\n {2}name: (\S+)x/, '\n  name: $1');
    middle.text = docText;
    middle.content = parseAllDocuments(docText)[0]?.toJS?.() ?? middle.content;
    middle.name = middle.content?.metadata?.name ?? middle.name;
    parser.clear([middle.id]);
    lib.processRefs(resources, parser, { resourceIds: [middle.id] });
    await validator.validate({ resources, incremental: { resourceIds: [middle.id] } });
    times.push(performance.now() - t0);
  }
  return { full100: stats(fullSmall), results100, full1000: round(first.ms), results1000: first.results, revalidate: stats(times) };
}

// ---- Kubeready, in this process (the counterpart of @monokle/validation's API) ----------------------------

function kubereadyInProcess(file1000: string, file100: string, edits: number) {
  const settings = defaultSettings();
  const text100 = readFileSync(file100, 'utf8');
  const full = () => {
    const project = new Project();
    project.update('a.yaml', text100);
    return project.analyze('a.yaml', settings, { path: 'a.yaml' });
  };
  full();
  const fullSmall: number[] = [];
  for (let i = 0; i < 5; i++) fullSmall.push(measure(full).wall);
  let text = readFileSync(file1000, 'utf8');
  const project = new Project();
  project.update('b.yaml', text);
  project.analyze('b.yaml', settings, { path: 'b.yaml' });
  const starts = [0];
  for (let i = text.indexOf('\n---'); i !== -1; i = text.indexOf('\n---', i + 1)) starts.push(i + 1);
  const nameEnd = text.indexOf('\n', text.indexOf('\n  name: ', starts[Math.floor(starts.length / 2)]) + 1);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    text = i % 2 === 0 ? `${text.slice(0, nameEnd)}x${text.slice(nameEnd)}` : text.slice(0, nameEnd) + text.slice(nameEnd + 1);
    const t0 = performance.now();
    project.update('b.yaml', text);
    project.analyze('b.yaml', settings, { path: 'b.yaml' });
    times.push(performance.now() - t0);
  }
  return { full100: stats(fullSmall), revalidate: stats(times) };
}

// ---- main ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [file1000, file100, ourJson] = process.argv.slice(2);
  const ours = JSON.parse(ourJson || '{}') as { oneChar?: number; client?: number };
  install();
  const edits = 10;
  log('Kubeready in-process');
  const k = kubereadyInProcess(file1000, file100, edits);
  log('@monokle/validation (offline plugins)');
  const m = await monokle(file1000, file100, edits);
  log('yaml-language-server with a local Kubernetes schema (this takes minutes)');
  const y = await yamlLanguageServer(file1000, 4);
  const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
  const rows = [
    {
      measure: 're-validate after a one-character edit, 1,000 documents: yaml-language-server (over LSP, its 200 ms delay excluded)',
      value: `Kubeready ${ms(ours.client ?? NaN)} (client-observed over LSP)`, floor: `yaml-language-server ${ms(y.revalidate.median)}`,
      ratio: `peer ÷ Kubeready: ${(y.revalidate.median / (ours.client ?? NaN)).toFixed(0)}×`, target: '≥ 10×', ok: y.revalidate.median / (ours.client ?? Infinity) >= 10,
    },
    {
      measure: 're-validate after a one-character edit, 1,000 documents: @monokle/validation (incremental API, in-process)',
      value: `Kubeready ${ms(k.revalidate.median)} (in-process)`, floor: `@monokle/validation ${ms(m.revalidate.median)}`,
      ratio: `peer ÷ Kubeready: ${(m.revalidate.median / k.revalidate.median).toFixed(0)}×`, target: '≥ 10×', ok: m.revalidate.median / k.revalidate.median >= 10,
    },
    {
      measure: 'validate 100 documents from scratch (wall, in-process): @monokle/validation with 5 offline plugins, Kubeready with its ~50 rules',
      value: `Kubeready ${ms(k.full100.median)}`, floor: `@monokle/validation ${ms(m.full100.median)}`,
      ratio: `peer ÷ Kubeready: ${(m.full100.median / k.full100.median).toFixed(1)}×`, target: '', ok: undefined,
    },
  ];
  const notes = [
    `Peers: yaml-language-server ${PEERS['yaml-language-server']} over stdio with a local standalone-strict Kubernetes 1.13 schema (from the OpenAPI document in kubernetes-client ${PEERS['kubernetes-client']}); it opened the 1,000-document file in ${ms(y.open)} with ${y.diagnostics} diagnostics.`,
    `@monokle/validation ${PEERS['@monokle/validation']} with its offline plugins (yaml-syntax, resource-links, metadata, practices, pod-security-standards; kubernetes-schema and open-policy-agent download their schema or policy and are off): ${ms(m.full1000)} for the first validation of 1,000 documents (${m.results1000} results), ${ms(m.full100.median)} for 100 (${m.results100} results).`,
  ];
  process.stdout.write(`${JSON.stringify({ rows, notes, raw: { kubeready: { ...k, lsp: ours }, monokle: m, yamlLanguageServer: y } })}\n`);
}

main().catch(error => {
  process.stderr.write(`bench peers: ${(error as Error)?.stack ?? error}\n`);
  process.exitCode = 1;
});
