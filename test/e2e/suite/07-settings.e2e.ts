// Scenario 7: turning a rule off in .vscode/settings.json or in .kubeready.yaml removes its findings live.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { fileUri, openFile, resetWorkspace, waitForFindings } from './helpers';

describe('7. Settings', () => {
  beforeEach(resetWorkspace);
  afterEach(resetWorkspace);

  it('"kubeready.rules": {"memory-limit": "off"} in .vscode/settings.json removes memory-limit, and only it', async () => {
    const uri = fileUri('web.yaml');
    await openFile('web.yaml');
    await waitForFindings(uri, { present: ['memory-limit', 'memory-request'] });

    await vscode.workspace.getConfiguration('kubeready').update('rules', { 'memory-limit': 'off' }, vscode.ConfigurationTarget.Workspace);
    const settings = JSON.parse(fs.readFileSync(fileUri('.vscode/settings.json').fsPath, 'utf8'));
    assert.deepEqual(settings['kubeready.rules'], { 'memory-limit': 'off' });
    await waitForFindings(uri, { absent: ['memory-limit'], present: ['memory-request'] });

    await vscode.workspace.getConfiguration('kubeready').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForFindings(uri, { present: ['memory-limit'] });
  });

  it('rules: {memory-limit: off} in .kubeready.yaml removes memory-limit, and deleting the file brings it back', async () => {
    const uri = fileUri('web.yaml');
    await openFile('web.yaml');
    await waitForFindings(uri, { present: ['memory-limit', 'memory-request'] });

    const config = fileUri('.kubeready.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  memory-limit: off\n'));
    await waitForFindings(uri, { absent: ['memory-limit'], present: ['memory-request'] });
    await vscode.workspace.fs.delete(config);
    await waitForFindings(uri, { present: ['memory-limit'] });
  });

  it('.kubeready.yaml wins over the editor setting', async () => {
    const uri = fileUri('web.yaml');
    await openFile('web.yaml');
    await waitForFindings(uri, { present: ['memory-limit'] });
    await vscode.workspace.getConfiguration('kubeready').update('rules', { 'memory-limit': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForFindings(uri, { absent: ['memory-limit'] });
    await vscode.workspace.fs.writeFile(fileUri('.kubeready.yaml'), new TextEncoder().encode('rules:\n  memory-limit: error\n'));
    const list = await waitForFindings(uri, { present: ['memory-limit'] });
    assert.equal(list.find(d => d.code && (d.code as { value: string }).value === 'memory-limit')?.severity, vscode.DiagnosticSeverity.Error);
  });
});
