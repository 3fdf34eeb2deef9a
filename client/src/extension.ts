// Extension entry point: wiring only. Starts the language server and the UI around it (checklist view,
// language status, report, commands) and returns the test API (api.ts).
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { ChecklistNotification, StatusNotification } from '../../server/src/protocol';
import { KubereadyApi, TreeNodeSnapshot } from './api';
import { summarize, TreeNode } from './checklist/model';
import { ChecklistStore } from './checklist/store';
import { ChecklistTreeProvider, VIEW_ID } from './checklist/treeProvider';
import { registerCommands, reveal } from './commands';
import { createLanguageClient } from './languageClient';
import { ReportPanel } from './report/panel';
import { StatusController } from './status';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<KubereadyApi> {
  const output = vscode.window.createOutputChannel('Kubeready', { log: true });
  const store = new ChecklistStore();
  const displayPath = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const tree = new ChecklistTreeProvider(store, context.workspaceState, displayPath);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const status = new StatusController(store);
  const report = new ReportPanel(context.extensionUri, store, displayPath, (uri, range) => reveal(uri, range));
  context.subscriptions.push(output, store, tree, view, status, report);

  // The activity-bar badge: workloads of the workspace that are not production-ready.
  context.subscriptions.push(store.onDidChangeChecklist(snapshot => {
    const s = summarize(snapshot.workloads);
    const notReady = s.workloads - s.ready;
    view.badge = notReady ? { value: notReady, tooltip: `${notReady} of ${s.workloads} workloads not production-ready` } : undefined;
  }));

  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  languageClient.onNotification(ChecklistNotification.type, update => store.applyUpdate(update));
  languageClient.onNotification(StatusNotification.type, params => store.setStatus(params));
  context.subscriptions.push(languageClient.onDidChangeState(e => {
    if (e.newState === State.Stopped) status.setStopped(true);
    if (e.newState === State.Starting) {
      store.setStatus(undefined);
      status.setStopped(false);
    }
  }));

  context.subscriptions.push(...registerCommands({
    context,
    client: () => client,
    tree,
    report,
    async restartServer() {
      if (languageClient.isRunning()) await languageClient.restart();
      else await languageClient.start();
    },
  }));

  try {
    await languageClient.start();
  } catch (error) {
    output.error(`Kubeready could not start its language server: ${(error as Error)?.stack ?? error}`);
    void vscode.window.showErrorMessage('Kubeready: the language server did not start; see the Kubeready output.', 'Show Output').then(choice => {
      if (choice) output.show();
    });
  }

  const api: KubereadyApi = {
    checklist: () => store.snapshot,
    async treeRoots() {
      // Read through the provider, exactly as the view does.
      const walk = (nodes: TreeNode[]): TreeNodeSnapshot[] => nodes.map(node => {
        const item = tree.getTreeItem(node);
        const out: TreeNodeSnapshot = { label: typeof item.label === 'string' ? item.label : item.label?.label ?? '' };
        if (typeof item.description === 'string') out.description = item.description;
        const children = tree.getChildren(node);
        if (children.length) out.children = walk(children);
        return out;
      });
      return walk(tree.getChildren());
    },
    languageStatus: () => status.state,
    scope: () => tree.scope,
    reportMarkdown: () => report.markdown(),
    nextChecklist: timeoutMs => store.next(timeoutMs),
  };
  return api;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}
