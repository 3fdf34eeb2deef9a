// Custom messages between the Kubeready server and its clients, declared once.
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ChecklistSnapshot } from './analysis/checklist';

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

/** The checklist of the whole workspace, sent whenever a verdict may have changed. */
export namespace ChecklistNotification {
  export const method = 'kubeready/checklist';
  export const type = new NotificationType<ChecklistSnapshot>(method);
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
