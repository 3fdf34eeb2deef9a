// Scenario 4: the checklist view shows the workloads and their items, updates after a fix, and a click on a
// finding moves the cursor to its range. (The code-server run also clicks the real tree: test/e2e/ui.)
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TreeNodeSnapshot } from '../../../client/src/api';
import { applyAction, fileUri, fixesOf, kubereadyApi, openFile, resetWorkspace, waitFor, waitForFindings } from './helpers';

const ITEMS = ['Resources', 'Health checks', 'RBAC', 'Replicas', 'Observability', 'Security'];

function find(nodes: TreeNodeSnapshot[] | undefined, label: string | RegExp): TreeNodeSnapshot | undefined {
  return nodes?.find(n => (typeof label === 'string' ? n.label === label : label.test(n.label)));
}

function show(nodes: TreeNodeSnapshot[] | undefined, depth = 0): string {
  return (nodes ?? []).map(n => `${'  '.repeat(depth)}${n.label}${n.description ? ` (${n.description})` : ''}\n${show(n.children, depth + 1)}`).join('');
}

describe('4. The checklist view', () => {
  beforeEach(async () => {
    await resetWorkspace();
    await vscode.commands.executeCommand('kubeready.scopeWorkspace');
  });
  afterEach(resetWorkspace);

  it('shows the workload with the six items and their findings, and updates after a fix', async () => {
    const api = await kubereadyApi();
    const uri = fileUri('web.yaml');
    await openFile('web.yaml');
    await vscode.commands.executeCommand('kubeready.focusChecklist');
    await waitForFindings(uri, { present: ['memory-limit', 'readiness-probe'] });

    let roots: TreeNodeSnapshot[] = [];
    const web = await waitFor('Deployment/web with a failing Resources item in the tree', async () => {
      roots = await api.treeRoots();
      const node = find(roots, 'Deployment/web');
      return find(node?.children, 'Resources')?.description?.match(/^\d+ findings?/) && node;
    }, { describe: () => show(roots) });
    assert.match(web.description ?? '', /^shop · web\.yaml$/);
    assert.deepEqual(web.children!.map(c => c.label).filter(l => ITEMS.includes(l)), ITEMS);
    // broken.yaml does not parse and chart/ is a Helm template: neither is checked, so neither is counted.
    assert.equal(roots[0]?.label, '0 of 1 workload production-ready', show(roots));
    const resources = find(web.children, 'Resources')!;
    assert.ok(resources.children?.some(f => f.description === 'memory-limit · line 20'), show(resources.children));
    const health = find(web.children, 'Health checks')!;
    assert.ok(health.children?.some(f => f.description === 'readiness-probe · line 20'), show(health.children));

    const snapshot = api.checklist();
    const entry = snapshot?.workloads.find(w => w.kind === 'Deployment' && w.name === 'web');
    assert.ok(entry, 'the checklist has Deployment/web');
    assert.equal(entry.items.find(i => i.id === 'resources')?.status, 'fail');

    // Fix the resources: the Resources item passes, in the checklist and in the tree.
    const action = (await fixesOf(uri, 'memory-limit')).find(a => a.title === 'Add resources block (requests and limits)');
    assert.ok(action, 'no resources quick fix');
    await applyAction(action);
    await waitFor('the Resources item to pass after the fix', async () => {
      roots = await api.treeRoots();
      return find(find(roots, 'Deployment/web')?.children, 'Resources')?.description === 'pass';
    }, { describe: () => show(roots) });
    const after = api.checklist()?.workloads.find(w => w.name === 'web');
    assert.equal(after?.items.find(i => i.id === 'resources')?.status, 'pass');
    assert.equal(after?.items.find(i => i.id === 'health')?.status, 'fail', 'the other items are unchanged');
  });

  it('a click on a finding selects its range in the editor', async () => {
    const api = await kubereadyApi();
    const uri = fileUri('web.yaml');
    await openFile('web.yaml');
    const finding = await waitFor('the pdb finding of Deployment/web in the checklist', () => api.checklist()?.workloads
      .find(w => w.name === 'web')?.items.flatMap(i => i.findings).find(f => f.ruleId === 'pdb'));
    // Start somewhere else: another file in front, the cursor at the top of web.yaml.
    const other = await openFile('broken.yaml');
    other.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fileUri('broken.yaml').toString());

    // What the tree item's command runs (the UI scenario clicks the row itself).
    await vscode.commands.executeCommand('kubeready.reveal', uri.toString(), finding.range);
    const editor = await waitFor('web.yaml in front', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === uri.toString() && active;
    });
    const { start, end } = finding.range;
    assert.deepEqual(
      [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
      [start.line, start.character, end.line, end.character],
    );
    assert.equal(editor.document.getText(editor.selection), 'web', 'the selection is the Deployment name the finding points at');
  });
});
