// Custom messages between the Kubeready server and its clients, declared once.
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ChecklistFile } from './analysis/checklistSnapshot';

export interface StatusParams {
  state: 'indexing' | 'ready';
  /** Files of the workspace index. */
  indexedFiles: number;
  /** Findings (not suppressed) over the open documents. */
  openFindings: number;
}

export namespace StatusNotification {
  export const method = 'kubeready/status';
  export const type = new NotificationType<StatusParams>(method);
}

/**
 * What changed in the workspace checklist, file by file. One update may span several messages (a batch of
 * files each, so neither side holds the whole workspace twice); the client shows the checklist it has
 * assembled when a message says `done`.
 */
export interface ChecklistUpdate {
  /** The client drops every file it holds first: the first update of a server (it knows nothing of what an earlier one sent). */
  reset: boolean;
  /** Files whose part of the checklist changed since the last update (new files included), whole. */
  files: ChecklistFile[];
  /** Files no longer in the checklist (deleted, excluded, or no longer YAML). */
  removed: string[];
  /** Last message of the update. */
  done: boolean;
  /** The workspace index was incomplete when the update was computed. */
  indexing: boolean;
}

export namespace ChecklistNotification {
  export const method = 'kubeready/checklist';
  export const type = new NotificationType<ChecklistUpdate>(method);
}

/** Re-index the workspace from disk and re-validate every open document. */
export namespace CheckWorkspaceRequest {
  export const method = 'kubeready/checkWorkspace';
  /** `indexThreads`: worker threads that indexed the files (0: the main thread; a small workspace needs none). */
  export const type = new RequestType0<{ files: number; findings: number; indexThreads: number }, void>(method);
}

/** Findings of the whole workspace as SARIF 2.1.0. */
export namespace SarifRequest {
  export const method = 'kubeready/sarif';
  export const type = new RequestType0<object, void>(method);
}

/** Command the server executes: fix all in one document. */
export const FIX_ALL_COMMAND = 'kubeready.server.fixAll';
