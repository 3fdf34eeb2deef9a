// The language status item on YAML files ("Kubeready: 5 issues", busy while the workspace is indexed) and
// the progress notification for a first indexing that takes long.
import * as vscode from 'vscode';
import { countIssues, plural } from './checklist/model';
import { ChecklistStore } from './checklist/store';

/** A first indexing that runs longer than this gets a progress notification. */
export const PROGRESS_AFTER_MS = 1000;

export class StatusController implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Set once the first indexing is over (or got its notification): later ones get none. */
  private firstIndexingOver = false;
  private progressTimer: NodeJS.Timeout | undefined;
  private finishProgress: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly store: ChecklistStore) {
    this.item = vscode.languages.createLanguageStatusItem('kubeready.status', [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ]);
    this.item.name = 'Kubeready';
    this.item.command = { command: 'kubeready.focusChecklist', title: 'Show checklist', tooltip: 'Focus the Kubeready checklist view' };
    this.disposables.push(
      this.item,
      store.onDidChangeStatus(() => this.update()),
      store.onDidChangeChecklist(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** Called when the server stops (restart, crash): the item says so until the server reports again. */
  setStopped(stopped: boolean): void {
    this.stopped = stopped;
    if (!stopped) this.firstIndexingOver = false; // a new server indexes for the first time again
    this.update();
  }

  get state(): { text: string; busy: boolean } {
    return { text: this.item.text, busy: this.item.busy };
  }

  private update(): void {
    const status = this.store.status;
    const snapshot = this.store.snapshot;
    const indexing = !status || status.state === 'indexing';
    if (this.stopped) {
      this.item.text = 'Kubeready: stopped';
      this.item.detail = 'the language server is not running';
      this.item.busy = false;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    if (indexing) {
      this.item.text = 'Kubeready: indexing';
      this.item.detail = status ? `${plural(status.indexedFiles, 'file')} so far` : 'starting';
      this.item.busy = true;
      this.trackIndexing(true);
      return;
    }
    this.trackIndexing(false);
    const total = snapshot ? countIssues(snapshot) : status.openFindings;
    const active = vscode.window.activeTextEditor?.document;
    const here = snapshot && active?.languageId === 'yaml' ? countIssues(snapshot, active.uri.toString()) : undefined;
    this.item.text = `Kubeready: ${plural(total, 'issue')}`;
    this.item.detail = [snapshot ? 'in the workspace' : 'in open files', here !== undefined ? `${here} in this file` : undefined, plural(status.indexedFiles, 'file') + ' indexed']
      .filter(Boolean).join(' · ');
    this.item.busy = false;
  }

  private trackIndexing(indexing: boolean): void {
    if (!indexing) {
      if (this.progressTimer) clearTimeout(this.progressTimer);
      this.progressTimer = undefined;
      this.finishProgress?.();
      this.finishProgress = undefined;
      if (this.store.status?.state === 'ready') this.firstIndexingOver = true;
      return;
    }
    if (this.firstIndexingOver || this.progressTimer || !this.store.status) return;
    // Only the first indexing gets a notification, and only when it is slow enough to be noticed.
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      if (this.store.status?.state !== 'indexing' || this.firstIndexingOver) return;
      this.firstIndexingOver = true;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Kubeready: indexing the workspace' },
        () => new Promise<void>(resolve => { this.finishProgress = resolve; }),
      );
    }, PROGRESS_AFTER_MS);
  }

  dispose(): void {
    this.trackIndexing(false);
    for (const d of this.disposables) d.dispose();
  }
}
