// Scenario 5: a PodDisruptionBudget added in a second file clears the pdb finding of the first without reopening it.
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { fileUri, openFile, resetWorkspace, waitForFindings } from './helpers';

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
`;

describe('5. Cross-file findings', () => {
  beforeEach(resetWorkspace);
  afterEach(resetWorkspace);

  it('a PodDisruptionBudget written to another file clears pdb on the open Deployment, and deleting it brings it back', async () => {
    const web = fileUri('web.yaml');
    const editor = await openFile('web.yaml');
    await waitForFindings(web, { present: ['pdb', 'memory-limit'] });
    const version = editor.document.version;

    // Written on disk, never opened in an editor: the server learns it from the file watcher.
    const pdb = fileUri('pdb.yaml');
    await vscode.workspace.fs.writeFile(pdb, new TextEncoder().encode(PDB));
    assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === pdb.toString()), 'pdb.yaml is not open');
    await waitForFindings(web, { absent: ['pdb'], present: ['memory-limit'] });
    assert.equal(editor.document.version, version, 'web.yaml was neither edited nor reopened');

    // A PDB that selects other pods does not count.
    await vscode.workspace.fs.writeFile(pdb, new TextEncoder().encode(PDB.replace('app: web', 'app: api')));
    await waitForFindings(web, { present: ['pdb'] });

    await vscode.workspace.fs.writeFile(pdb, new TextEncoder().encode(PDB));
    await waitForFindings(web, { absent: ['pdb'] });
    await vscode.workspace.fs.delete(pdb);
    await waitForFindings(web, { present: ['pdb'] });
    assert.equal(editor.document.version, version);
  });
});
