// Scenario 3: "Fix all in file" leaves only findings that have no fix; source.fixAll.kubeready on save does the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  describeFindings, fileUri, findings, fixesOf, fixtureText, openFile, resetWorkspace, ruleIds, setText, waitFor, waitForFindings,
} from './helpers';

/** Findings the fixture has that all have a fix: none of them may survive fix-all. */
const FIXABLE = ['memory-limit', 'memory-request', 'cpu-limit', 'cpu-request', 'readiness-probe', 'liveness-probe', 'run-as-non-root', 'pdb'];
/** `:latest` has no automatic fix (only the team knows which version to pin). */
const UNFIXABLE = 'image-tag';

/** Waits for the findings of the fixed text and checks that none of them offers a fix. */
async function expectOnlyUnfixable(uri: vscode.Uri): Promise<string[]> {
  await waitForFindings(uri, { present: [UNFIXABLE], absent: FIXABLE });
  const left = [...ruleIds(uri)].sort();
  for (const rule of left) {
    // fixesOf waits for the server's answer for the current text, so "no fix" is a real answer.
    const fixes = await fixesOf(uri, rule);
    assert.deepEqual(fixes.map(a => a.title), [], `${rule} still offers a fix after fix-all`);
  }
  return left;
}

describe('3. Fix all in file', () => {
  beforeEach(resetWorkspace);
  afterEach(resetWorkspace);

  it('the "Kubeready: Fix All in File" command leaves only findings without a fix', async () => {
    const uri = fileUri('web.yaml');
    const editor = await openFile('web.yaml');
    await waitForFindings(uri, { present: [...FIXABLE, UNFIXABLE] });
    const before = findings(uri).length;

    const result = await vscode.commands.executeCommand<{ changed: boolean }>('kubeready.fixAll', uri);
    assert.deepEqual(result, { changed: true });
    const left = await expectOnlyUnfixable(uri);
    assert.ok(left.length < before, `fix-all fixed something (${before} findings before, ${left.join(', ')} after)`);
    assert.ok(editor.document.isDirty, 'fix-all edits the buffer; saving is up to the user');
    const fixed = editor.document.getText();
    assert.match(fixed, /^ {10}resources:\n {12}requests:/m);
    assert.match(fixed, /^ {10}readinessProbe:\n/m);
    assert.match(fixed, /^ {8}runAsNonRoot: true$/m);
    assert.match(fixed, /^kind: PodDisruptionBudget$/m);
    // What the command did is what the source.fixAll.kubeready code action offers on the original text.
    await setText(editor.document, fixtureText('web.yaml'));
    await waitForFindings(uri, { present: FIXABLE });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.kubeready',
    ) ?? [];
    const fixAll = actions.find(a => a.kind?.value === 'source.fixAll.kubeready');
    assert.ok(fixAll?.edit, `no source.fixAll.kubeready action: ${actions.map(a => `${a.kind?.value} "${a.title}"`).join(', ') || 'none'}`);
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    assert.equal(editor.document.getText(), fixed);
  });

  it('saving with "editor.codeActionsOnSave": {"source.fixAll.kubeready": "explicit"} does the same', async () => {
    const uri = fileUri('web.yaml');
    const editor = await openFile('web.yaml');
    await waitForFindings(uri, { present: [...FIXABLE, UNFIXABLE] });
    // The expected result: the fix-all code action on the same text.
    const marker = '# saved with source.fixAll.kubeready on save\n';
    await setText(editor.document, marker + fixtureText('web.yaml'));
    await waitFor('findings of the edited text', () => findings(uri).some(d => d.range.start.line === 20) && findings(uri), { describe: () => describeFindings(uri) });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.kubeready',
    ) ?? [];
    const fixAll = actions.find(a => a.kind?.value === 'source.fixAll.kubeready');
    assert.ok(fixAll?.edit, 'no source.fixAll.kubeready action');
    const expected = applyToText(editor.document, fixAll.edit);

    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll.kubeready': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    const settings = JSON.parse(fs.readFileSync(fileUri('.vscode/settings.json').fsPath, 'utf8'));
    assert.deepEqual(settings['editor.codeActionsOnSave'], { 'source.fixAll.kubeready': 'explicit' });
    // update() resolves once the extension host has the setting; the workbench, which runs the save
    // participants, can get it a moment later. So: edit and save until a save runs the fix-all.
    const edited = marker + fixtureText('web.yaml');
    let saves = 0;
    await waitFor('a save that runs source.fixAll.kubeready', async () => {
      if (!editor.document.isDirty) await setText(editor.document, `${edited}\n`); // saved unfixed: edit again
      await setText(editor.document, edited);
      assert.equal(await editor.document.save(), true, 'save failed');
      saves++;
      return editor.document.getText() !== edited;
    }, { describe: () => `${saves} saves; text ${editor.document.getText() === edited ? 'unchanged' : 'changed'}` });
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.getText(), expected, 'the saved text is the fix-all result');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected, 'the fixed text is what is on disk');
    const left = await expectOnlyUnfixable(uri);
    assert.ok(left.includes(UNFIXABLE));
    assert.ok(!ruleIds(uri).has('memory-limit'));
  });
});

/** The text of `document` after `edit` (its edits to this document), without applying it. */
function applyToText(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const edits = edit.get(document.uri).map(e => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText }));
  assert.ok(edits.length, 'the fix-all edit does not touch the document');
  let text = document.getText();
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}
