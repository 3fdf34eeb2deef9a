// Scenario 6: a broken YAML file and a Helm template: no crash, no bogus findings, and the server stays up.
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeFindings, fileUri, findings, kubereadyApi, openFile, resetWorkspace, ruleIds, ruleOf, waitFor, waitForFindings } from './helpers';

/** The checklist lists the file's problem and no workload of it: an unchecked Deployment is not production-ready. */
async function expectNoVerdict(uri: vscode.Uri): Promise<void> {
  const api = await kubereadyApi();
  const snapshot = await waitFor(`the checklist to list the problem of ${vscode.workspace.asRelativePath(uri)}`,
    () => api.checklist()?.fileFindings.some(f => f.uri === uri.toString()) && api.checklist());
  const entries = [...snapshot.workloads, ...snapshot.others].filter(e => e.uri === uri.toString());
  assert.deepEqual(entries.map(e => `${e.kind}/${e.name}`), [], 'objects of a file that was not checked get no verdict');
}

describe('6. Broken YAML and Helm templates', () => {
  beforeEach(resetWorkspace);
  afterEach(resetWorkspace);

  it('a file that is not valid YAML gets one syntax error and nothing else', async () => {
    const uri = fileUri('broken.yaml');
    await openFile('broken.yaml');
    const list = await waitForFindings(uri, { present: ['yaml-syntax'] });
    assert.deepEqual([...new Set(list.map(ruleOf))], ['yaml-syntax'], `bogus findings: ${describeFindings(uri)}`);
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(list[0].message, /quote/i);
    await expectNoVerdict(uri);
  });

  it('a Helm template gets a hint to lint the rendered output, not findings about template text', async () => {
    const uri = fileUri('chart/templates/deployment.yaml');
    await openFile('chart/templates/deployment.yaml');
    const list = await waitForFindings(uri, { present: ['helm-template'] });
    assert.deepEqual([...new Set(list.map(ruleOf))], ['helm-template'], `bogus findings: ${describeFindings(uri)}`);
    assert.equal(list.length, 1);
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Information);
    await expectNoVerdict(uri);
  });

  it('after both, the server is still up: the next valid edit gets its findings', async () => {
    const api = await kubereadyApi();
    await openFile('chart/templates/deployment.yaml');
    await waitForFindings(fileUri('chart/templates/deployment.yaml'), { present: ['helm-template'] });
    const uri = fileUri('broken.yaml');
    const editor = await openFile('broken.yaml');
    await waitForFindings(uri, { present: ['yaml-syntax'] });

    // Close the quote: now it is a Deployment without resources or probes.
    const line = editor.document.lineAt(11);
    assert.match(line.text, /image: "ghcr\.io\/acme\/app:1\.0$/);
    assert.equal(await editor.edit(b => b.insert(line.range.end, '"')), true);
    await waitForFindings(uri, { absent: ['yaml-syntax'], present: ['memory-limit', 'readiness-probe'] });
    const [memory] = findings(uri).filter(d => ruleOf(d) === 'memory-limit');
    assert.match(memory.message, /^Container "app" of Deployment "broken" /);
    assert.equal(memory.range.start.line, 10);

    // Break it again, differently: back to one syntax error.
    assert.equal(await editor.edit(b => b.insert(new vscode.Position(3, 0), 'kind: [\n')), true);
    await waitForFindings(uri, { present: ['yaml-syntax'], absent: ['memory-limit'] });
    assert.deepEqual([...ruleIds(uri)], ['yaml-syntax']);
    await waitFor('the language status to report issues (server running)', () => /^Kubeready: \d+ issues?$/.test(api.languageStatus().text),
      { describe: () => api.languageStatus().text });
  });
});
