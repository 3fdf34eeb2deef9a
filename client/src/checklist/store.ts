// The client's copy of what the server last said: the checklist, assembled from the server's per-file
// updates, and the status. The tree view, the language status item and the report subscribe to it.
import * as vscode from 'vscode';
import { ChecklistAssembler, ChecklistSnapshot } from '../../../server/src/analysis/checklistSnapshot';
import type { ChecklistUpdate, StatusParams } from '../../../server/src/protocol';

export class ChecklistStore implements vscode.Disposable {
  private current: ChecklistSnapshot | undefined;
  private readonly assembler = new ChecklistAssembler();
  private currentStatus: StatusParams | undefined;
  private readonly checklistEmitter = new vscode.EventEmitter<ChecklistSnapshot>();
  private readonly statusEmitter = new vscode.EventEmitter<StatusParams | undefined>();
  /** Fires on every checklist notification. */
  readonly onDidChangeChecklist = this.checklistEmitter.event;
  /** Fires on every status notification (and with undefined when the server restarts). */
  readonly onDidChangeStatus = this.statusEmitter.event;

  get snapshot(): ChecklistSnapshot | undefined {
    return this.current;
  }

  get status(): StatusParams | undefined {
    return this.currentStatus;
  }

  /** Applies one message of a `kubeready/checklist` update; the last one (`done`) shows the result. */
  applyUpdate(update: ChecklistUpdate): void {
    const snapshot = this.assembler.apply(update);
    if (!snapshot) return;
    this.current = snapshot;
    this.checklistEmitter.fire(snapshot);
  }

  setStatus(status: StatusParams | undefined): void {
    this.currentStatus = status;
    this.statusEmitter.fire(status);
  }

  /** The next snapshot the server sends. */
  next(timeoutMs = 10_000): Promise<ChecklistSnapshot> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`No checklist from the Kubeready server within ${timeoutMs} ms.`));
      }, timeoutMs);
      const sub = this.onDidChangeChecklist(s => {
        clearTimeout(timer);
        sub.dispose();
        resolve(s);
      });
    });
  }

  dispose(): void {
    this.checklistEmitter.dispose();
    this.statusEmitter.dispose();
  }
}
