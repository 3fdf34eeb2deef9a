// Every `kubeready.*` command. Commands that would ask the user something (a file to save, a folder) also
// take that answer as an argument, so tests and keybindings can run them without dialogs.
import * as vscode from 'vscode';
import { CodeActionRequest, Command, ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, FIX_ALL_COMMAND, SarifRequest } from '../../server/src/protocol';
import { headline, isRuleId, Range, Scope, TreeNode } from './checklist/model';
import { ChecklistTreeProvider, REVEAL_COMMAND, VIEW_ID } from './checklist/treeProvider';
import { CONFIG_FILE_NAMES, starterConfig } from './config/starter';
import { ReportPanel } from './report/panel';
import { exists } from './files';
import { openRuleDoc, ruleAtCursor, ruleCatalog } from './ruleDocs/open';

export interface CommandServices {
  context: vscode.ExtensionContext;
  client(): LanguageClient | undefined;
  tree: ChecklistTreeProvider;
  report: ReportPanel;
  restartServer(): Promise<void>;
}

export const COMMANDS = {
  checkWorkspace: 'kubeready.checkWorkspace',
  fixAll: 'kubeready.fixAll',
  showReport: 'kubeready.showReport',
  exportSarif: 'kubeready.exportSarif',
  createConfig: 'kubeready.createConfig',
  openRuleDoc: 'kubeready.openRuleDoc',
  restartServer: 'kubeready.restartServer',
  focusChecklist: 'kubeready.focusChecklist',
  toggleScope: 'kubeready.toggleScope',
  scopeFile: 'kubeready.scopeFile',
  scopeWorkspace: 'kubeready.scopeWorkspace',
  quickFix: 'kubeready.quickFix',
  saveReportMarkdown: 'kubeready.saveReportMarkdown',
  openSample: 'kubeready.openSample',
  reveal: REVEAL_COMMAND,
} as const;

export function registerCommands(s: CommandServices): vscode.Disposable[] {
  const register = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown);
  return [
    register(COMMANDS.reveal, (target: string | vscode.Uri | TreeNode, range?: Range) => {
      // From a view menu the argument is the node; from a click or the report, a URI and a range.
      if (target && typeof target === 'object' && 'kind' in target) return target.target ? reveal(target.target.uri, target.target.range) : undefined;
      return range ? reveal(target, range) : undefined;
    }),
    register(COMMANDS.checkWorkspace, () => checkWorkspace(s)),
    register(COMMANDS.fixAll, (uri?: vscode.Uri | string) => fixAll(s, uri)),
    register(COMMANDS.showReport, () => s.report.show()),
    register(COMMANDS.saveReportMarkdown, (target?: vscode.Uri) => s.report.saveMarkdown(target)),
    register(COMMANDS.exportSarif, (target?: vscode.Uri) => exportSarif(s, target)),
    register(COMMANDS.createConfig, (folder?: vscode.Uri) => createConfig(folder)),
    register(COMMANDS.openRuleDoc, (arg?: TreeNode | string) => openRuleDocCommand(s, arg)),
    register(COMMANDS.restartServer, () => s.restartServer()),
    register(COMMANDS.focusChecklist, () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    register(COMMANDS.toggleScope, (scope?: unknown) => setScope(s, scope === 'file' || scope === 'workspace' ? scope : s.tree.scope === 'file' ? 'workspace' : 'file')),
    register(COMMANDS.scopeFile, () => setScope(s, 'file')),
    register(COMMANDS.scopeWorkspace, () => setScope(s, 'workspace')),
    register(COMMANDS.quickFix, (node?: TreeNode, pick?: string) => quickFix(s, node, pick)),
    register(COMMANDS.openSample, () => openSample(s.context.extensionUri)),
  ];
}

function runningClient(s: CommandServices): LanguageClient | undefined {
  const client = s.client();
  if (client?.isRunning()) return client;
  void vscode.window.showErrorMessage('Kubeready: the language server is not running.', 'Restart Server').then(choice => {
    if (choice) void vscode.commands.executeCommand(COMMANDS.restartServer);
  });
  return undefined;
}

async function setScope(s: CommandServices, scope: Scope): Promise<Scope> {
  await s.tree.setScope(scope);
  return s.tree.scope;
}

// ---- navigation ------------------------------------------------------------------------------------------

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Opens the document and selects the range (clicking a finding in the view or a link in the report). */
export async function reveal(uri: string | vscode.Uri, range: Range): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const document = await vscode.workspace.openTextDocument(target);
  const selection = toRange(range);
  const editor = await vscode.window.showTextDocument(document, { selection, preview: true, viewColumn: vscode.ViewColumn.One });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

// ---- server commands -------------------------------------------------------------------------------------

async function checkWorkspace(s: CommandServices): Promise<{ files: number; findings: number; indexThreads: number } | undefined> {
  const client = runningClient(s);
  if (!client) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Kubeready: checking the workspace' },
    () => client.sendRequest(CheckWorkspaceRequest.type),
  );
  void vscode.window.showInformationMessage(
    `Kubeready checked ${result.files} ${result.files === 1 ? 'file' : 'files'}: ${result.findings} ${result.findings === 1 ? 'finding' : 'findings'}.`,
    'Show Checklist',
  ).then(choice => {
    if (choice) void vscode.commands.executeCommand(COMMANDS.focusChecklist);
  });
  return result;
}

/** Runs the server's fix-all on a document (default: the active editor's); resolves with whether it changed. */
async function fixAll(s: CommandServices, arg?: vscode.Uri | string): Promise<{ changed: boolean } | undefined> {
  // Default: the active editor; else (e.g. run from the walkthrough) the one visible YAML editor.
  const yamlEditors = vscode.window.visibleTextEditors.filter(e => e.document.languageId === 'yaml');
  const fallback = vscode.window.activeTextEditor?.document.uri ?? (yamlEditors.length === 1 ? yamlEditors[0].document.uri : undefined);
  const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : fallback;
  if (!uri) {
    void vscode.window.showWarningMessage('Kubeready: open a Kubernetes manifest to fix.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage(`Kubeready: ${vscode.workspace.asRelativePath(uri)} is not a YAML file.`);
    return undefined;
  }
  const client = runningClient(s);
  if (!client) return undefined;
  const before = document.version;
  // The server computes every fix on the text it has, applies them in one workspace edit, then answers.
  await client.sendRequest(ExecuteCommandRequest.type, { command: FIX_ALL_COMMAND, arguments: [uri.toString()] });
  const changed = document.version !== before;
  if (!changed) void vscode.window.showInformationMessage(`Kubeready: nothing to fix automatically in ${vscode.workspace.asRelativePath(uri)}.`);
  return { changed };
}

async function exportSarif(s: CommandServices, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const client = runningClient(s);
  if (!client) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? await vscode.window.showSaveDialog({
    title: 'Export Kubeready findings as SARIF 2.1.0',
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'kubeready.sarif') : undefined,
    filters: { SARIF: ['sarif', 'json'] },
    saveLabel: 'Export',
  });
  if (!uri) return undefined;
  const log = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Kubeready: exporting SARIF' },
    () => client.sendRequest(SarifRequest.type),
  );
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(log, null, 2)}\n`));
  if (!target) {
    void vscode.window.showInformationMessage(`Kubeready: SARIF report written to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then(choice => {
      if (choice) void vscode.window.showTextDocument(uri);
    });
  }
  return uri;
}

/** The walkthrough's sample: an untitled YAML document with a Deployment that "works in dev". */
async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'sample-deployment.yaml'));
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(document);
}

// ---- configuration file ------------------------------------------------------------------------------------

/** Writes a commented starter .kubeready.yaml at the root of a workspace folder; never overwrites. */
async function createConfig(folderArg?: vscode.Uri): Promise<{ created: boolean; uri: vscode.Uri } | undefined> {
  let folder = folderArg;
  if (!folder) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) {
      void vscode.window.showWarningMessage('Kubeready: open a folder first; the configuration file lives at its root.');
      return undefined;
    }
    folder = folders.length === 1 ? folders[0].uri : (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for .kubeready.yaml' }))?.uri;
    if (!folder) return undefined;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder, name);
    if (await exists(existing)) {
      void vscode.window.showWarningMessage(`Kubeready: ${vscode.workspace.asRelativePath(existing)} already exists; it was not overwritten.`);
      await vscode.window.showTextDocument(existing);
      return { created: false, uri: existing };
    }
  }
  const config = vscode.workspace.getConfiguration('kubeready', folder);
  const text = starterConfig({
    rules: config.get('rules'),
    exclude: config.get('exclude'),
    replicasMinimum: config.get('replicas.minimum'),
    requireCpuLimit: config.get('resources.requireCpuLimit'),
    fixResources: config.get('fixes.resources'),
    probePaths: config.get('fixes.probePaths'),
  });
  const uri = vscode.Uri.joinPath(folder, CONFIG_FILE_NAMES[0]);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  return { created: true, uri };
}

// ---- findings: rule docs and quick fixes ---------------------------------------------------------------------

async function openRuleDocCommand(s: CommandServices, arg?: TreeNode | string): Promise<'preview' | 'web' | undefined> {
  let id: string | undefined;
  if (typeof arg === 'string') id = arg;
  else if (arg && typeof arg === 'object' && arg.finding) id = arg.finding.ruleId;
  id ??= ruleAtCursor();
  if (!id) {
    const catalog = await ruleCatalog(s.context.extensionUri);
    const picked = await vscode.window.showQuickPick(
      catalog.map(e => ({ label: e.id, description: e.title, detail: [e.checklist, e.severity, e.fixable ? 'quick fix' : ''].filter(Boolean).join(' · ') || undefined })),
      { placeHolder: 'Rule to read about', matchOnDescription: true },
    );
    id = picked?.label;
  }
  if (!id) return undefined;
  if (!isRuleId(id)) {
    void vscode.window.showErrorMessage(`Kubeready: "${id}" is not a rule id.`);
    return undefined;
  }
  return openRuleDoc(s.context.extensionUri, id);
}

function sameCode(d: vscode.Diagnostic, ruleId: string): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return d.source === 'kubeready' && code === ruleId;
}

/** Waits (event-driven, with a timeout) for the server's diagnostic of the finding to be in VS Code. */
function diagnosticFor(uri: vscode.Uri, ruleId: string, range: vscode.Range, timeoutMs = 5000): Promise<vscode.Diagnostic | undefined> {
  const find = () => vscode.languages.getDiagnostics(uri).find(d => sameCode(d, ruleId) && d.range.intersection(range) !== undefined);
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise(resolve => {
    const timer = setTimeout(() => { sub.dispose(); resolve(find()); }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (!e.uris.some(u => u.toString() === uri.toString())) return;
      const d = find();
      if (!d) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(d);
    });
  });
}

/**
 * The code actions of one finding: the server's quick fixes for exactly this diagnostic. (VS Code's
 * `vscode.executeCodeActionProvider` would return the fixes of every finding on the same node, e.g. the ten
 * findings on a container's name, and its results do not say which diagnostic each action fixes.)
 */
async function codeActionsFor(client: LanguageClient, document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const c2p = client.code2ProtocolConverter;
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: c2p.asUri(document.uri) },
    range: c2p.asRange(diagnostic.range),
    context: { diagnostics: [c2p.asDiagnostic(diagnostic)], only: [vscode.CodeActionKind.QuickFix.value], triggerKind: 1 },
  });
  const actions: vscode.CodeAction[] = [];
  for (const item of result ?? []) {
    if (Command.is(item)) continue;
    actions.push(await client.protocol2CodeConverter.asCodeAction(item));
  }
  return actions.filter(a => a.edit || a.command);
}

/**
 * "Quick Fix..." on a finding of the view: reveals it, asks the server for that finding's quick fixes and
 * applies the one the user picks (or `pick`, a title, for tests and keybindings). Resolves with the title.
 */
async function quickFix(s: CommandServices, node?: TreeNode, pick?: string): Promise<string | undefined> {
  if (!node?.finding || !node.target) {
    // From the palette: the editor's own quick fix menu does the same at the cursor.
    await vscode.commands.executeCommand('editor.action.quickFix');
    return undefined;
  }
  const { finding } = node;
  const editor = await reveal(node.target.uri, node.target.range);
  const diagnostic = await diagnosticFor(editor.document.uri, finding.ruleId, toRange(node.target.range));
  if (!diagnostic) {
    void vscode.window.showWarningMessage(`Kubeready: the finding ${finding.ruleId} is no longer in ${vscode.workspace.asRelativePath(editor.document.uri)}.`);
    return undefined;
  }
  const client = runningClient(s);
  if (!client) return undefined;
  const actions = await codeActionsFor(client, editor.document, diagnostic);
  if (!actions.length) {
    void vscode.window.showInformationMessage(`Kubeready: no quick fix for ${finding.ruleId} here.`);
    return undefined;
  }
  const chosen = pick !== undefined
    ? actions.find(a => a.title === pick)
    : (await vscode.window.showQuickPick(
      actions.map(a => ({ label: a.title, description: a.isPreferred ? 'preferred' : undefined, action: a })),
      { placeHolder: `Quick fix for ${finding.ruleId}: ${headline(finding.message)}` },
    ))?.action;
  if (!chosen) return undefined;
  if (chosen.edit && !await vscode.workspace.applyEdit(chosen.edit)) {
    void vscode.window.showWarningMessage(`Kubeready: "${chosen.title}" could not be applied; the document changed meanwhile.`);
    return undefined;
  }
  if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  return chosen.title;
}
