// The language server over stdio, as any editor drives it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, TestServer } from '../helpers/lspClient';
import { ChecklistAssembler } from '../../server/src/analysis/checklistSnapshot';
import type { ChecklistUpdate } from '../../server/src/protocol';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

describe('language server over stdio', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kubeready-ws-'));
    mkdirSync(join(root, 'k8s'));
    server = await startServer({ rootUri: pathToFileURL(root).toString(), settings: { validation: { delayMs: 0 } } });
  });
  after(async () => server.stop());

  it('publishes diagnostics with codes, docs links and data, and the quick fix clears them', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'web.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
    const published = await server.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'memory-limit'));
    const memory = published.diagnostics.find(d => d.code === 'memory-limit')!;
    assert.equal(memory.source, 'kubeready');
    assert.equal(memory.severity, 2);
    assert.deepEqual(memory.range, { start: { line: 13, character: 16 }, end: { line: 13, character: 19 } });
    assert.match(memory.codeDescription!.href, /docs\/rules\/memory-limit\.md$/);
    assert.equal(published.version, 1);

    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: memory.range, context: { diagnostics: [memory] },
    }) as CodeAction[];
    const add = actions.find(a => a.title === 'Add resources block (requests and limits)');
    assert.ok(add, `no resources fix among ${actions.map(a => a.title).join(', ')}`);
    assert.equal(add.isPreferred, true);
    const fixed = applyTextEdits(WEB, add.edit!.changes![uri]);
    assert.match(fixed, /\n {10}resources:\n {12}requests:\n {14}cpu: 100m\n/);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }],
    });
    const after = await server.waitForDiagnostics(uri, p => p.version === 2);
    assert.ok(!after.diagnostics.some((d: Diagnostic) => ['memory-limit', 'cpu-limit', 'memory-request', 'cpu-request'].includes(String(d.code))));
  });

  it('finds the fix from code and data alone (Neovim 0.7 sends back neither source nor message)', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'nvim.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 0, text: WEB } });
    const published = await server.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'memory-limit'));
    const memory = published.diagnostics.find(d => d.code === 'memory-limit')!;
    const stripped = { range: memory.range, code: memory.code, data: memory.data, message: '' };
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: memory.range, context: { diagnostics: [stripped] },
    }) as CodeAction[];
    assert.ok(actions.some(a => a.title === 'Add resources block (requests and limits)'), actions.map(a => a.title).join(', '));
  });

  it('answers nothing for a code action computed on an older version', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'stale.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
    const published = await server.waitForDiagnostics(uri, p => p.diagnostics.length > 0);
    const memory = published.diagnostics.find(d => d.code === 'memory-limit')!;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }],
    });
    await server.waitForDiagnostics(uri, p => p.version === 2);
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: memory.range, context: { diagnostics: [memory] },
    }) as CodeAction[];
    assert.deepEqual(actions.filter(a => a.kind === 'quickfix'), []);
  });

  it('applies incremental edits and reports YAML syntax errors without crashing', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'broken.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
    await server.waitForDiagnostics(uri, p => p.version === 1);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 7, character: 17 }, end: { line: 7, character: 28 } }, text: '{app: web' }],
    });
    const broken = await server.waitForDiagnostics(uri, p => p.version === 2);
    assert.ok(broken.diagnostics.some(d => d.code === 'yaml-syntax'), JSON.stringify(broken.diagnostics));
    assert.ok(!broken.diagnostics.some(d => d.code === 'memory-limit'), 'a broken document is not checked');
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'closing.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
    await server.waitForDiagnostics(uri, p => p.diagnostics.length > 0);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.waitForDiagnostics(uri, p => p.diagnostics.length === 0);
  });

  it('offers fix-all as source.fixAll.kubeready', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'fixall.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
    await server.waitForDiagnostics(uri, p => p.diagnostics.length > 0);
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kubeready'] },
    }) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.kubeready');
    const fixed = applyTextEdits(WEB, actions[0].edit!.changes![uri]);
    assert.match(fixed, /memory: 256Mi/);
  });

  it('hover on a finding explains it', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'hover.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
    await server.waitForDiagnostics(uri, p => p.diagnostics.length > 0);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 17 } }) as { contents: { value: string } };
    assert.match(hover.contents.value, /Containers limit memory/);
    assert.match(hover.contents.value, /When it fails/);
  });

  it('cross-file: a PodDisruptionBudget opened in a second file clears `pdb` on the first, and closing it brings it back', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'cross.yaml')).toString();
    const text = WEB.replace(/web/g, 'cross');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const before = await server.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'pdb'));
    assert.match(before.diagnostics.find(d => d.code === 'pdb')!.message as string, /no PodDisruptionBudget .* selects labels app=cross/);
    const pdbUri = pathToFileURL(join(root, 'k8s', 'cross-pdb.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pdbUri, languageId: 'yaml', version: 1,
      text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: cross}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: cross}}\n' } });
    await server.waitForDiagnostics(uri, p => !p.diagnostics.some(d => d.code === 'pdb'));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pdbUri } });
    await server.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'pdb'));
  });

  it('cross-file: a PodDisruptionBudget file written to disk counts once the watcher reports it', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'disk.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB.replace(/web/g, 'disk') } });
    await server.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'pdb'));
    const pdbPath = join(root, 'k8s', 'disk-pdb.yaml');
    writeFileSync(pdbPath, 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: disk}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: disk}}\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(pdbPath).toString(), type: 1 }] });
    await server.waitForDiagnostics(uri, p => !p.diagnostics.some(d => d.code === 'pdb'));
  });

  it('indexes the workspace on request', async () => {
    const result = await server.connection.sendRequest('kubeready/checkWorkspace') as { files: number };
    assert.ok(result.files >= 1);
  });
});

describe('language server settings', () => {
  it('re-validates open documents when the client says settings changed', async () => {
    const settings: Record<string, unknown> = { validation: { delayMs: 0 } };
    const server = await startServer({ settings });
    try {
      const uri = 'untitled:settings.yaml';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
      await server.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'memory-limit'));
      settings.rules = { 'memory-limit': 'off', 'cpu-limit': 'error' };
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await server.waitForDiagnostics(uri, p => !p.diagnostics.some(d => d.code === 'memory-limit'));
      assert.equal(after.diagnostics.find(d => d.code === 'cpu-limit')?.severity, 1);
    } finally {
      await server.stop();
    }
  });
});

describe('the workspace checklist notification', () => {
  const checklists = (server: TestServer) => server.notifications.filter(n => n.method === 'kubeready/checklist');
  const updates = (server: TestServer) => checklists(server).map(n => n.params as ChecklistUpdate);
  const doneUpdates = (server: TestServer) => updates(server).filter(u => u.done).length;
  async function nextDone(server: TestServer, after: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (doneUpdates(server) <= after) {
      if (Date.now() > deadline) throw new Error(`no checklist update after ${after}: ${JSON.stringify(updates(server)).slice(0, 300)}`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  it('after an edit, carries only the files whose part changed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kubeready-ws-'));
    writeFileSync(join(root, 'web.yaml'), WEB);
    writeFileSync(join(root, 'other.yaml'), WEB.replace(/\bweb\b/g, 'other'));
    const server = await startServer({ rootUri: pathToFileURL(root).toString(), settings: { validation: { delayMs: 0 } }, initializationOptions: { checklist: true } });
    try {
      const uri = pathToFileURL(join(root, 'web.yaml')).toString();
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
      await server.connection.sendRequest('kubeready/checkWorkspace');
      await nextDone(server, 0);
      const client = new ChecklistAssembler();
      for (const u of updates(server)) client.apply(u);
      const before = updates(server).length;
      const done = doneUpdates(server);
      const line = WEB.split('\n').findIndex(l => l.includes('replicas:'));
      assert.ok(line >= 0, 'WEB has a replicas line');
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
      });
      await nextDone(server, done);
      const after = updates(server).slice(before);
      assert.deepEqual(after.flatMap(u => u.files.map(f => f.uri)), [uri]);
      let snapshot;
      for (const u of after) snapshot = client.apply(u) ?? snapshot;
      const names = snapshot?.workloads.map(w => w.name).sort();
      assert.deepEqual(names, ['other', 'web']);
    } finally {
      await server.stop();
    }
  });

  for (const wanted of [true, false]) {
    it(wanted ? 'is pushed to a client that asks for it (the VS Code extension)' : 'is not computed for a client that did not ask (Neovim and other editors)', async () => {
      const root = mkdtempSync(join(tmpdir(), 'kubeready-ws-'));
      writeFileSync(join(root, 'web.yaml'), WEB);
      const server = await startServer({
        rootUri: pathToFileURL(root).toString(), settings: { validation: { delayMs: 0 } },
        initializationOptions: wanted ? { checklist: true } : {},
      });
      try {
        const uri = pathToFileURL(join(root, 'web.yaml')).toString();
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: WEB } });
        await server.waitForDiagnostics(uri);
        await server.connection.sendRequest('kubeready/checkWorkspace');
        // The checklist follows a change after a 200 ms pause.
        const deadline = Date.now() + (wanted ? 10_000 : 1_500);
        while (Date.now() < deadline && !checklists(server).some(n => (n.params as ChecklistUpdate).done)) await new Promise(r => setTimeout(r, 50));
        if (wanted) {
          const client = new ChecklistAssembler();
          const snapshots = checklists(server).map(n => client.apply(n.params as ChecklistUpdate));
          const snapshot = snapshots.at(-1);
          assert.ok(snapshot?.workloads.some(w => w.name === 'web'), JSON.stringify(snapshot).slice(0, 300));
        } else assert.deepEqual(checklists(server), []);
      } finally {
        await server.stop();
      }
    });
  }
});

