// Scenario 1: opening web.yaml activates the extension, and its findings are where a person looks for them.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, fileUri, findingsOf, kubereadyApi, openFile, resetWorkspace, waitFor, waitForFindings, WEB_CONTAINER_NAME,
} from './helpers';

describe('1. Opening a manifest', () => {
  before(resetWorkspace);

  it('activates the extension and reports memory-limit, readiness-probe and run-as-non-root on the container', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const editor = await openFile('web.yaml');
    await waitFor('the extension to activate', () => extension.isActive);
    const uri = fileUri('web.yaml');
    await waitForFindings(uri, { present: ['memory-limit', 'readiness-probe', 'run-as-non-root', 'pdb'] });

    assert.equal(editor.document.lineAt(WEB_CONTAINER_NAME.start.line).text.trim(), '- name: web');
    for (const rule of ['memory-limit', 'readiness-probe', 'run-as-non-root']) {
      const [finding, ...more] = findingsOf(uri, rule);
      assert.equal(more.length, 0, `one ${rule} finding expected`);
      assert.deepEqual(
        [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
        [19, 16, 19, 19], `${rule} should underline the container name "web" on line 20`,
      );
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning, `${rule} is a warning`);
      assert.match(finding.message, /^Container "web" of Deployment "web" /);
      const code = finding.code as { value: string; target: vscode.Uri };
      assert.equal(code.value, rule);
      assert.match(code.target.toString(), new RegExp(`${rule}(\\.md)?$`), `${rule} links to its documentation`);
    }
    const [pdb] = findingsOf(uri, 'pdb');
    assert.equal(pdb.range.start.line, 4, 'pdb points at the Deployment name on line 5');
    assert.match(pdb.message, /no PodDisruptionBudget in namespace `shop` selects labels app=web/);
  });

  it('shows the count in the language status item', async () => {
    const api = await kubereadyApi();
    await openFile('web.yaml');
    const status = await waitFor('the language status to show a count of issues', () => {
      const s = api.languageStatus();
      return !s.busy && /^Kubeready: \d+ issues?$/.test(s.text) && s;
    }, { describe: () => JSON.stringify(api.languageStatus()) });
    assert.ok(Number(/\d+/.exec(status.text)![0]) >= 3, status.text);
  });
});
