// The "Production readiness" tree view: maps the pure tree model (model.ts) to TreeItems, follows the
// active editor for the file scope and remembers the scope in workspaceState.
import * as vscode from 'vscode';
import { buildTree, Icon, Scope, TreeNode } from './model';
import { ChecklistStore } from './store';

export const VIEW_ID = 'kubeready.checklist';
export const REVEAL_COMMAND = 'kubeready.reveal';
const SCOPE_KEY = 'kubeready.checklist.scope';

const ICONS: Record<Icon, vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  accepted: new vscode.ThemeIcon('verified', new vscode.ThemeColor('testing.iconSkipped')),
  'n/a': new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  group: new vscode.ThemeIcon('symbol-namespace'),
  file: vscode.ThemeIcon.File,
};

export class ChecklistTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: TreeNode[] = [];
  private readonly parents = new Map<string, TreeNode>();
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private activeUri: string | undefined;

  constructor(
    private readonly store: ChecklistStore,
    private readonly memento: vscode.Memento,
    private readonly displayPath: (uri: string) => string,
  ) {
    this.activeUri = yamlUri(vscode.window.activeTextEditor);
    this.disposables.push(
      this.emitter,
      store.onDidChangeChecklist(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(editor => {
        // Focus moving to a panel or a webview leaves no active editor: keep the last file then.
        if (!editor) return;
        const uri = yamlUri(editor);
        if (uri === this.activeUri) return;
        this.activeUri = uri;
        if (this.scope === 'file') this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument(document => {
        if (document.uri.toString() !== this.activeUri) return;
        this.activeUri = yamlUri(vscode.window.activeTextEditor);
        if (this.scope === 'file') this.refresh();
      }),
    );
    void this.updateContext();
    this.refresh();
  }

  get scope(): Scope {
    return this.memento.get<Scope>(SCOPE_KEY) === 'file' ? 'file' : 'workspace';
  }

  async setScope(scope: Scope): Promise<void> {
    await this.memento.update(SCOPE_KEY, scope);
    await this.updateContext();
    this.refresh();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'kubeready.checklistScope', this.scope);
  }

  refresh(): void {
    const snapshot = this.store.snapshot;
    this.roots = buildTree(snapshot, { scope: this.scope, activeUri: this.activeUri, displayPath: this.displayPath });
    this.parents.clear();
    const walk = (nodes: TreeNode[], parent?: TreeNode) => {
      for (const n of nodes) {
        if (parent) this.parents.set(n.id, parent);
        if (n.children) walk(n.children, n);
      }
    };
    walk(this.roots);
    const state = !snapshot ? 'loading' : this.roots.length ? 'ready' : 'empty';
    void vscode.commands.executeCommand('setContext', 'kubeready.checklistState', state);
    this.emitter.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children ?? [] : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node.id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsible = !node.children?.length
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = ICONS[node.icon];
    item.contextValue = contextValue(node);
    if (node.kind === 'file' && node.target) item.resourceUri = vscode.Uri.parse(node.target.uri);
    // Findings open their range on click; objects expand on click (their "Go to Source" is an inline action).
    if (node.kind === 'finding' && node.target) {
      item.command = {
        command: REVEAL_COMMAND,
        title: 'Go to source',
        arguments: [node.target.uri, node.target.range],
      };
    }
    if (node.kind === 'summary') item.command = { command: 'kubeready.showReport', title: 'Show Readiness Report' };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** contextValue for menus: `finding` (+ `.fixable`, or `.accepted` for suppressed ones), `workload`, ... */
export function contextValue(node: TreeNode): string {
  if (node.kind !== 'finding' || !node.finding) return node.kind;
  if (node.finding.suppressed) return 'finding.accepted';
  return node.finding.fixable ? 'finding.fixable' : 'finding';
}

function yamlUri(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) return undefined;
  return editor.document.languageId === 'yaml' ? editor.document.uri.toString() : undefined;
}
