// What `activate` returns: a small API for extension-host tests, so they can assert on the checklist view
// and the language status item without scraping the UI.
//
//   const api = await vscode.extensions.getExtension('kubeready.kubeready')!.activate() as KubereadyApi;
//   await waitFor(() => api.checklist()?.workloads.length === 3);
//   const roots = await api.treeRoots();   // [{ label: '1 of 3 workloads production-ready', ... }, ...]
//
// Everything here reads the extension's live state; nothing in it changes that state.
import type { ChecklistSnapshot } from '../../server/src/analysis/checklist';
import type { Scope } from './checklist/model';

/** A node of the checklist tree as the view shows it: its label, its description and its children. */
export interface TreeNodeSnapshot {
  label: string;
  description?: string;
  children?: TreeNodeSnapshot[];
}

export interface KubereadyApi {
  /** The checklist as of the server's last complete update (`kubeready/checklist`), or undefined before the first one. */
  checklist(): ChecklistSnapshot | undefined;
  /**
   * The tree the "Production readiness" view shows now, fully expanded, read through the view's own
   * TreeDataProvider (getChildren/getTreeItem). Empty while the view shows its welcome content.
   */
  treeRoots(): Promise<TreeNodeSnapshot[]>;
  /** The "Kubeready: N issues" language status item: its text and whether it spins (indexing). */
  languageStatus(): { text: string; busy: boolean };
  /** The view's scope: the active file or the whole workspace (remembered in workspaceState). */
  scope(): Scope;
  /** The Markdown of the readiness report for the current checklist ("Save as Markdown" writes this). */
  reportMarkdown(): string | undefined;
  /** Resolves with the checklist of the next complete update (or rejects after `timeoutMs`, default 10 s). */
  nextChecklist(timeoutMs?: number): Promise<ChecklistSnapshot>;
}
