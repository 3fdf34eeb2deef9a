// What the end-to-end scenarios share: the fixture workspace, waiting (polling with a timeout, never a fixed
// sleep), Kubeready's diagnostics and code actions as VS Code sees them, and resetting the workspace between
// tests so each one starts from the fixture as committed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KubereadyApi } from '../../../client/src/api';

export const EXTENSION_ID = 'kubeready.kubeready';

/** The fixture as committed (the runners copy it to a scratch folder and open the copy). */
export const FIXTURE_DIR = process.env.KUBEREADY_E2E_FIXTURE ?? path.resolve(__dirname, '../../../test/e2e/workspace');

/** Files that tests create in the workspace; resetWorkspace() deletes them. */
const SCRATCH_FILES = ['pdb.yaml', '.kubeready.yaml', 'new-web.yaml'];

/** Where the container's findings (memory-limit, readiness-probe, run-as-non-root...) point in web.yaml: `web` of `- name: web`. */
export const WEB_CONTAINER_NAME = new vscode.Range(19, 16, 19, 19);
/** Where the Deployment's findings (pdb, metrics-scrape...) point in web.yaml: `web` of `name: web` under metadata. */
export const WEB_DEPLOYMENT_NAME = new vscode.Range(4, 8, 4, 11);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the end-to-end tests need the fixture workspace open as a folder');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function fixtureText(relative: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, relative), 'utf8');
}

const DEFAULT_TIMEOUT_MS = Number(process.env.KUBEREADY_E2E_WAIT_MS) || 30_000;
const POLL_MS = 50;

/**
 * Polls `probe` until it returns something truthy and returns that. On timeout, fails with `what` and the
 * last state `describe` reports, so a failure says what was seen instead of only that it was not right.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = options.describe ? `\n  last seen: ${options.describe()}` : '';
      const error = lastError ? `\n  last error: ${(lastError as Error)?.message ?? lastError}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}${error}`);
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}

export async function kubereadyApi(): Promise<KubereadyApi> {
  const extension = vscode.extensions.getExtension<KubereadyApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  assert.ok(api && typeof api.checklist === 'function', 'activate() did not return the Kubeready test API');
  return api;
}

// ---- diagnostics -----------------------------------------------------------------------------------------

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}

export function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'kubeready');
}

export function findingsOf(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return findings(uri).filter(d => ruleOf(d) === ruleId);
}

/** `rule@line:col` for every finding, sorted: what a failed wait prints. */
export function describeFindings(uri: vscode.Uri): string {
  const list = findings(uri).map(d => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();
  return list.length ? list.join(', ') : '(no Kubeready findings)';
}

export function ruleIds(uri: vscode.Uri): Set<string> {
  return new Set(findings(uri).map(ruleOf));
}

/** Waits until `uri` has a finding of each rule of `present` and none of `absent`; returns its findings. */
export function waitForFindings(uri: vscode.Uri, expect: { present?: string[]; absent?: string[] }, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const present = expect.present ?? [];
  const absent = expect.absent ?? [];
  const what = [present.length ? `findings ${present.join(', ')}` : '', absent.length ? `no ${absent.join(', ')}` : ''].filter(Boolean).join(' and ');
  return waitFor(`${what} in ${vscode.workspace.asRelativePath(uri)}`, () => {
    const ids = ruleIds(uri);
    return present.every(r => ids.has(r)) && !absent.some(r => ids.has(r)) && findings(uri);
  }, { timeoutMs, describe: () => describeFindings(uri) });
}

// ---- editors and code actions ----------------------------------------------------------------------------

export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/**
 * The quick fixes VS Code offers at a finding's range, as the light bulb and Ctrl+. list them. (VS Code does
 * not hand back the diagnostics of a CodeAction through `vscode.executeCodeActionProvider`, so the actions
 * are those of every finding at that range.)
 */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
  ) ?? [];
  return actions.filter(a => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

/** Quick fixes that change the manifest, not the "Ignore <rule> for <object>" suppressions. */
export async function realFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return (await quickFixes(uri, diagnostic)).filter(a => !a.title.startsWith('Ignore '));
}

/**
 * The quick fixes of the finding of `rule` (other than "Ignore ..."), once the server has answered for the
 * current text: it answers nothing for diagnostics of an older version (they can still be in VS Code right
 * after an edit), and always offers "Ignore <rule> for <object>" for a current one, which shows it answered.
 */
export async function fixesOf(uri: vscode.Uri, rule: string): Promise<vscode.CodeAction[]> {
  let seen: string[] = [];
  const actions = await waitFor(`the server's quick fixes for ${rule} in ${vscode.workspace.asRelativePath(uri)}`, async () => {
    const [finding] = findingsOf(uri, rule);
    if (!finding) return false;
    const all = await quickFixes(uri, finding);
    seen = all.map(a => a.title);
    return all.some(a => a.title.startsWith(`Ignore ${rule} for `)) && all;
  }, { describe: () => `${describeFindings(uri)}; actions: ${seen.join(' | ') || 'none'}` });
  return actions.filter(a => !a.title.startsWith('Ignore '));
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" carries no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code refused the edit of "${action.title}"`);
}

/** Replaces the whole text of an open document (one undoable edit). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `could not reset ${document.uri.fsPath}`);
}

// ---- reset -------------------------------------------------------------------------------------------------

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const SETTINGS: Array<[section: string, key: string]> = [['kubeready', 'rules'], ['editor', 'codeActionsOnSave']];

/**
 * Puts the workspace back to the committed fixture: settings the tests change are unset, files the tests
 * create are deleted, and every fixture file (open or not) has its committed text again, saved.
 */
export async function resetWorkspace(): Promise<void> {
  for (const [section, key] of SETTINGS) {
    const config = vscode.workspace.getConfiguration(section);
    if (config.inspect(key)?.workspaceValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
  for (const name of SCRATCH_FILES) {
    const uri = fileUri(name);
    if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  }
  for (const relative of fixtureFiles()) {
    const uri = fileUri(relative);
    const text = fixtureText(relative);
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open) {
      await setText(open, text);
      if (open.isDirty) assert.equal(await open.save(), true, `could not save ${relative}`);
    } else if (!(await exists(uri)) || new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) !== text) {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
  }
}

function fixtureFiles(dir = FIXTURE_DIR, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...fixtureFiles(path.join(dir, entry.name), relative));
    else out.push(relative);
  }
  return out;
}
