// Scenario 8: a workspace large enough for the indexing threads (64 files or more). "Check Workspace" indexes it
// on the worker threads shipped in the installed .vsix, and an object in one of those files reaches the open one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, fileUri, openFile, resetWorkspace, waitForFindings } from './helpers';

const BULK = 'bulk';
const FILES = 70;

const configMap = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${i}\n  namespace: shop\ndata:\n  key: "value-${i}"\n`;
const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n';

async function removeBulk(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(fileUri(BULK), { recursive: true });
  } catch {
    // Not there: nothing to clean.
  }
}

describe('8. A large workspace', () => {
  beforeEach(async () => {
    await removeBulk();
    await resetWorkspace();
  });
  afterEach(async () => {
    await removeBulk();
    await resetWorkspace();
  });

  it('is indexed on the worker threads of the installed extension, and its objects reach the open file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'indexWorker.js')), 'the .vsix carries the indexing worker');

    const web = fileUri('web.yaml');
    await openFile('web.yaml');
    await waitForFindings(web, { present: ['pdb'] });
    const encoder = new TextEncoder();
    for (let i = 0; i < FILES; i++) await vscode.workspace.fs.writeFile(fileUri(`${BULK}/settings-${i}.yaml`), encoder.encode(configMap(i)));
    await vscode.workspace.fs.writeFile(fileUri(`${BULK}/pdb.yaml`), encoder.encode(PDB));

    const result = await vscode.commands.executeCommand<{ files: number; findings: number; indexThreads: number }>('kubeready.checkWorkspace');
    assert.ok(result, 'Check Workspace answered');
    assert.ok(result.files > FILES, `${result.files} files indexed`);
    assert.ok(result.indexThreads >= 1, `indexed on ${result.indexThreads} worker threads`);
    await waitForFindings(web, { absent: ['pdb'] });
  });
});
