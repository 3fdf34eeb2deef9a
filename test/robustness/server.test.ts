// Every hostile input through the language server (dist/server.js over stdio): the diagnostics expected,
// positions in UTF-16 units; every quick fix and fix-all it offers applies to a text that still parses;
// the size cap (a setting) answers one info finding and skips, fix-all on save included; the server never
// logs a failure and never exits because of a document.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/model/edits';
import { LineIndex } from '../../server/src/model/lines';
import { parseManifest } from '../../server/src/model/manifest';
import { startServer, TestServer } from '../helpers/lspClient';
import { assertExpectation, Reported } from './expect';
import { CHECKED_DEPLOYMENT, HOSTILE_INPUTS, hugeManifest } from './inputs';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const ROOT = 'file:///hostile';

export function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map(e => ({
    start: lines.offsetAt(e.range.start.line, e.range.start.character),
    end: lines.offsetAt(e.range.end.line, e.range.end.character),
    text: e.newText,
  })));
}

const parses = (text: string) => parseManifest('x.yaml', text).documents.every(d => !d.problems.length);

function logErrors(server: TestServer): string[] {
  return server.notifications
    .filter(n => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1)
    .map(n => (n.params as { message: string }).message);
}

async function open(server: TestServer, uri: string, text: string, version = 1) {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  return server.waitForDiagnostics(uri, p => p.version === version, 60_000);
}

describe('hostile input: language server', () => {
  let server: TestServer;
  let stderr = '';
  before(async () => {
    server = await startServer({ settings: { validation: { delayMs: 0 } } });
    server.process.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  });
  after(async () => {
    await server.stop();
  });

  for (const input of HOSTILE_INPUTS) {
    it(input.name, async () => {
      const uri = `${ROOT}/${input.path}`;
      const published = await open(server, uri, input.text);
      const reported: Reported[] = published.diagnostics.map(d => ({
        ruleId: String(d.code), line: d.range.start.line + 1, character: d.range.start.character, severity: SEVERITY[d.severity ?? 0],
      }));
      assertExpectation(input.name, reported, { ...input.expect, objects: undefined, notObjects: undefined });
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'kubeready');
        assert.ok(d.range.start.line < new LineIndex(input.text).lineCount, `${input.name}: diagnostic past the last line`);
      }

      // Every quick fix offered, and fix-all: valid edits on a text that still parses when it did.
      const parsedBefore = parses(input.text);
      for (const diagnostic of published.diagnostics) {
        const actions = await server.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic as Diagnostic], only: ['quickfix'] },
        }) as CodeAction[];
        for (const action of actions) {
          const edits = action.edit?.changes?.[uri] ?? [];
          assert.ok(edits.length, `${input.name}: "${action.title}" has no edit`);
          const fixed = applyLspEdits(input.text, edits);
          assert.notEqual(fixed, input.text, `${input.name}: "${action.title}" changes nothing`);
          if (parsedBefore) assert.ok(parses(fixed), `${input.name}: "${action.title}" breaks the YAML:\n${fixed}`);
        }
      }
      const fixAll = await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.kubeready'] },
      }) as CodeAction[];
      for (const action of fixAll) {
        const fixed = applyLspEdits(input.text, action.edit!.changes![uri]);
        if (parsedBefore) assert.ok(parses(fixed), `${input.name}: fix-all breaks the YAML:\n${fixed}`);
        else assert.fail(`${input.name}: fix-all offered on a file that does not parse`);
      }
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }

  it('a 50 MB document: one file-too-large info finding, no fix-all, and the server stays responsive', async () => {
    const uri = `${ROOT}/huge.yaml`;
    const text = hugeManifest(50);
    const started = Date.now();
    const published = await open(server, uri, text);
    assert.deepEqual(published.diagnostics.map(d => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['file-too-large', 3, 0, 0]]);
    const fixAll = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.kubeready'] },
    }) as CodeAction[];
    assert.deepEqual(fixAll, []);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }) as { contents: { value: string } };
    assert.match(hover.contents.value, /file-too-large/);
    assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
    // Cut down below the cap, the same document is checked.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: CHECKED_DEPLOYMENT }] });
    const small = await server.waitForDiagnostics(uri, p => p.version === 2, 30_000);
    assert.ok(small.diagnostics.some(d => d.code === 'memory-limit'));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('never logged a failure and is still running', async () => {
    assert.deepEqual(logErrors(server), []);
    assert.equal(server.process.exitCode, null, stderr);
    const uri = `${ROOT}/alive.yaml`;
    const published = await open(server, uri, CHECKED_DEPLOYMENT);
    assert.ok(published.diagnostics.some(d => d.code === 'memory-limit'));
  });
});

describe('hostile input: the size cap is a setting', () => {
  it('kubeready.validation.maxFileSizeKb: 1 skips a 2 KB document', async () => {
    const server = await startServer({ settings: { validation: { delayMs: 0, maxFileSizeKb: 1 } } });
    try {
      const text = ['checked', 'second', 'third', 'fourth'].map(n => CHECKED_DEPLOYMENT.replace('checked', n)).join('---\n');
      assert.ok(text.length > 1024 && text.length < 4096);
      const published = await open(server, `${ROOT}/capped.yaml`, text);
      assert.deepEqual(published.diagnostics.map(d => d.code), ['file-too-large']);
      assert.match(String(published.diagnostics[0].message), /above the 1 KB limit \(kubeready\.validation\.maxFileSizeKb\)/);
    } finally {
      await server.stop();
    }
  });
});
