// The checklist's data shapes and how per-file parts make the workspace checklist. Types and pure functions
// only (no engine imports), so the extension can assemble what the server sends part by part.
import type { ChecklistUpdate } from '../protocol';
import type { Checklist, Severity } from '../rules/types';

export type ItemStatus = 'pass' | 'fail' | 'accepted' | 'n/a';

export interface ChecklistFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 0-based LSP positions. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  container?: string;
  fixable: boolean;
  suppressed?: string;
}

export interface ChecklistItem {
  id: Checklist;
  title: string;
  status: ItemStatus;
  findings: ChecklistFinding[];
}

export interface ChecklistEntry {
  uri: string;
  kind: string;
  name: string;
  namespace?: string;
  workload: boolean;
  range: ChecklistFinding['range'];
  items: ChecklistItem[];
  /** Share of applicable items that pass or are accepted exceptions, 0..1. */
  score: number;
  ready: boolean;
}

export interface ChecklistSnapshot {
  indexing: boolean;
  workloads: ChecklistEntry[];
  /** Non-workload objects with findings (RBAC, Services, Ingresses, PDBs...). */
  others: ChecklistEntry[];
  /** Findings that belong to no object (syntax, Helm templates). */
  fileFindings: Array<{ uri: string; findings: ChecklistFinding[] }>;
  /** Kubernetes objects in the checked files, with or without findings (0: no manifests at all). */
  objects: number;
  /** Files checked. */
  files: number;
}

/** One file's share of the checklist: what the server sends again when (and only when) it changes. */
export interface ChecklistFile {
  uri: string;
  /** In the order of the file. */
  workloads: ChecklistEntry[];
  others: ChecklistEntry[];
  /** Findings that belong to no object. */
  findings: ChecklistFinding[];
  objects: number;
}

/** The workspace checklist from its files' parts, in any order: entries by file, then by line. */
export function assembleChecklist(files: Iterable<ChecklistFile>, indexing: boolean): ChecklistSnapshot {
  const sorted = [...files].sort((a, b) => a.uri.localeCompare(b.uri));
  const snapshot: ChecklistSnapshot = { indexing, workloads: [], others: [], fileFindings: [], objects: 0, files: sorted.length };
  for (const file of sorted) {
    snapshot.workloads.push(...file.workloads);
    snapshot.others.push(...file.others);
    if (file.findings.length) snapshot.fileFindings.push({ uri: file.uri, findings: file.findings });
    snapshot.objects += file.objects;
  }
  return snapshot;
}

/** The receiving end of `kubeready/checklist` updates: the files so far, and the checklist when an update is done. */
export class ChecklistAssembler {
  private readonly files = new Map<string, ChecklistFile>();

  /** Applies one message; returns the assembled checklist on the last message of an update. */
  apply(update: ChecklistUpdate): ChecklistSnapshot | undefined {
    if (update.reset) this.files.clear();
    for (const file of update.files) this.files.set(file.uri, file);
    for (const uri of update.removed) this.files.delete(uri);
    return update.done ? assembleChecklist(this.files.values(), update.indexing) : undefined;
  }
}
