// The readiness report webview: CSP-locked (no remote content, nonce'd inline style and script, theme
// colours through CSS variables), refreshed live from the checklist, links back to the source ranges and
// "Save as Markdown".
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { ChecklistStore } from '../checklist/store';
import { buildReport, parseReportMessage, renderHtml, renderMarkdown } from './model';

export const REPORT_VIEW_TYPE = 'kubeready.report';

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ChecklistStore,
    private readonly displayPath: (uri: string) => string,
    private readonly reveal: (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => Promise<unknown>,
  ) {
    this.disposables.push(store.onDidChangeChecklist(() => this.render()));
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  /** The report's Markdown for the current checklist (undefined before the first checklist). */
  markdown(): string | undefined {
    const snapshot = this.store.snapshot;
    return snapshot ? renderMarkdown(buildReport(snapshot, { displayPath: this.displayPath })) : undefined;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.render();
      return;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Kubeready: Readiness Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'kubeready.svg');
    this.panel = panel;
    panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage(m => this.onMessage(m), undefined, this.disposables);
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    const snapshot = this.store.snapshot;
    const nonce = randomBytes(16).toString('base64');
    const empty = { indexing: true, workloads: [], others: [], fileFindings: [], objects: 0, files: 0 };
    this.panel.webview.html = renderHtml(buildReport(snapshot ?? empty, { displayPath: this.displayPath }), { nonce });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseReportMessage(raw);
    if (!message) return;
    if (message.type === 'reveal') {
      await this.reveal(message.uri, message.range);
      return;
    }
    await this.saveMarkdown();
  }

  /** Asks where to save (unless `target` is given) and writes the report as Markdown. */
  async saveMarkdown(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const text = this.markdown();
    if (text === undefined) {
      void vscode.window.showWarningMessage('Kubeready: the checklist is not ready yet; try again when indexing is over.');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? await vscode.window.showSaveDialog({
      title: 'Save the Kubeready readiness report',
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'kubeready-report.md') : undefined,
      filters: { Markdown: ['md'] },
      saveLabel: 'Save report',
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!target) {
      const open = await vscode.window.showInformationMessage(`Kubeready: report saved to ${vscode.workspace.asRelativePath(uri)}.`, 'Open');
      if (open) await vscode.window.showTextDocument(uri);
    }
    return uri;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
