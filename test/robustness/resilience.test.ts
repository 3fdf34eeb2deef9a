// Server resilience: a rule that throws is reported once (with its id) and loses only its own findings in
// that document; everything else still publishes. Results of stale versions are never published.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { analyze, RuleFailure } from '../../server/src/analysis/analyze';
import { indexedObjects } from '../../server/src/analysis/lint';
import { defaultSettings } from '../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { KubereadyService } from '../../server/src/lsp/service';
import { parseManifest } from '../../server/src/model/manifest';
import { ruleById } from '../../server/src/rules';
import { memoryLimit } from '../../server/src/rules/memory-limit';
import { Rule } from '../../server/src/rules/types';
import { startServer } from '../helpers/lspClient';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: web\n      image: shop:1.4.2\n`;

/** Reports every container, and throws on the object named "boom" (after reporting on it). */
const throwing: Rule = {
  meta: {
    id: 'throws-sometimes', checklist: 'syntax', severity: 'warning', fixable: false,
    title: 'A rule that fails on one object', whenItFails: 'Nothing.', remediation: 'Nothing.',
  },
  check(ctx) {
    for (const c of ctx.containers()) ctx.report({ node: c.nameNode, container: c, message: `seen ${ctx.object.name}` });
    if (ctx.object.name === 'boom') throw new Error('injected failure');
  },
};

describe('resilience: a rule that throws (analysis API)', () => {
  const settings = defaultSettings();
  const run = (text: string) => {
    const failures: RuleFailure[] = [];
    const file = parseManifest('r.yaml', text);
    const workspace = new WorkspaceIndex();
    workspace.setFile('r.yaml', indexedObjects(file));
    const findings = analyze(file, settings, workspace, { rules: [throwing, memoryLimit], path: 'r.yaml', onRuleFailure: f => failures.push(f) });
    return { findings, failures };
  };

  it('drops that rule in the document where it threw, keeps it elsewhere, keeps the other rules', () => {
    // Document 1 holds a List with "fine" then "boom": the rule's finding on "fine" goes too.
    const item = (name: string) => pod(name).trimEnd().split('\n').map((line, i) => `${i ? '    ' : '  - '}${line}\n`).join('');
    const list = `apiVersion: v1\nkind: List\nitems:\n${item('fine')}${item('boom')}`;
    const { findings, failures } = run(`${list}---\n${pod('other')}`);
    assert.deepEqual(failures.map(f => [f.ruleId, (f.error as Error).message]), [['throws-sometimes', 'injected failure']]);
    const by = (id: string) => findings.filter(f => f.ruleId === id).map(f => f.object?.name).sort();
    assert.deepEqual(by('throws-sometimes'), ['other']);
    assert.deepEqual(by('memory-limit'), ['boom', 'fine', 'other']);
  });

  it('a failure is not cached away: the next analysis of the same text fails and drops the same way', () => {
    const text = `${pod('boom')}---\n${pod('other')}`;
    const first = run(text);
    const second = run(text);
    assert.equal(second.failures.length, 1);
    assert.deepEqual(second.findings.map(f => `${f.ruleId}/${f.object?.name}`).sort(), first.findings.map(f => `${f.ruleId}/${f.object?.name}`).sort());
  });
});

describe('resilience: a rule that throws (language service, in process)', () => {
  let client: MessageConnection;
  const published = new Map<string, PublishDiagnosticsParams>();
  const logs: string[] = [];
  const waiters: Array<() => void> = [];
  const original = ruleById('memory-limit')!.check;

  before(async () => {
    // Injected through the registry the service reads: memory-limit throws on Pods named "boom".
    ruleById('memory-limit')!.check = ctx => {
      if (ctx.object.name === 'boom') throw new Error('injected failure');
      original(ctx);
    };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const service = new KubereadyService(connection);
    service.settings.initializationOptions = { validation: { delayMs: 0 } };
    connection.onInitialize(() => ({ capabilities: { textDocumentSync: 2 } }));
    service.documents.listen(connection);
    connection.listen();
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p);
      for (const w of waiters.splice(0)) w();
    });
    client.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) logs.push(p.message);
    });
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
  });
  after(() => {
    ruleById('memory-limit')!.check = original;
    client.dispose();
  });

  const wait = (uri: string, version: number) => new Promise<PublishDiagnosticsParams>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 10_000);
    const check = () => {
      const p = published.get(uri);
      if (p && p.version === version) {
        clearTimeout(timeout);
        resolve(p);
      } else waiters.push(check);
    };
    check();
  });

  it('reports the failure once with the rule id; only that rule is dropped, only in that document', async () => {
    const uri = 'file:///resilience/pods.yaml';
    const text = `${pod('boom')}---\n${pod('other')}`;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    let p = await wait(uri, 1);
    const codes = (name: string) => p.diagnostics.filter(d => String(d.message).includes(`"${name}"`)).map(d => d.code);
    assert.ok(!codes('boom').includes('memory-limit'), 'the failing rule is dropped in its document');
    assert.ok(codes('boom').includes('cpu-limit') && codes('boom').includes('memory-request'), 'the other rules still publish');
    assert.ok(codes('other').includes('memory-limit'), 'the rule still publishes in the other document');
    // More edits of the same document: the failure is not logged again.
    for (let version = 2; version <= 4; version++) {
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${text}# edit ${version}\n` }] });
      p = await wait(uri, version);
    }
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0], /rule "memory-limit" failed on file:\/\/\/resilience\/pods\.yaml/);
    assert.match(logs[0], /injected failure/);
  });
});

describe('resilience: stale versions are never published', () => {
  const deployment = (containers: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: stale\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n${Array.from({ length: containers }, (_, i) => `        - name: c${i}\n          image: shop:1.4.2\n`).join('')}`;

  for (const delayMs of [0, 150]) {
    it(`40 rapid edits (validation delay ${delayMs} ms): every publication matches its version, the last one is the last version`, async () => {
      const server = await startServer({ settings: { validation: { delayMs } } });
      const seen: PublishDiagnosticsParams[] = [];
      const uri = 'file:///resilience/stale.yaml';
      server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri) seen.push(p);
        server.diagnostics.set(p.uri, p);
      });
      try {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: deployment(1) } });
        for (let version = 2; version <= 40; version++) {
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: deployment(version) }] });
        }
        await server.waitForDiagnostics(uri, p => p.version === 40, 30_000);
        const versions = seen.map(p => p.version!);
        assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions}`);
        assert.equal(new Set(versions).size, versions.length, `a version published twice: ${versions}`);
        for (const p of seen) {
          // Version v has v containers, each without a memory limit: the diagnostics are those of version v.
          assert.equal(p.diagnostics.filter(d => d.code === 'memory-limit').length, p.version, `diagnostics of another version published as ${p.version}`);
        }
        if (delayMs > 0) assert.ok(seen.length < 10, `debounced edits still published ${seen.length} times`);
      } finally {
        await server.stop();
      }
    });
  }
});
