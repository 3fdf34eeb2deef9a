// The production-readiness checklist of a workspace: workloads x checklist items x findings. Pure data,
// sent to the editor's panel and used by the readiness report.
import { absoluteRange } from './analyze';
import { ManifestFile } from '../model/manifest';
import { isLongRunning, isWorkload } from '../model/workloads';
import { Checklist, Finding, Severity, CHECKLIST_TITLES } from '../rules/types';

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

export const CORE_ITEMS: readonly Checklist[] = ['resources', 'health', 'rbac', 'replicas', 'observability', 'security'];
const OPTIONAL_ITEMS: readonly Checklist[] = ['state', 'networking'];

/** Items that apply to a kind: batch workloads need no probes, replicas or scraping. */
export function applicableItems(kind: string): Checklist[] {
  if (!isWorkload({ kind } as never)) return [];
  if (!isLongRunning({ kind } as never)) return ['resources', 'rbac', 'security'];
  if (kind === 'Pod' || kind === 'DaemonSet') return CORE_ITEMS.filter(i => i !== 'replicas');
  return [...CORE_ITEMS];
}

export interface FileFindings {
  uri: string;
  file: ManifestFile;
  findings: Finding[];
  open?: boolean;
}

export function buildChecklist(files: FileFindings[], indexing = false): ChecklistSnapshot {
  const workloads: ChecklistEntry[] = [];
  const others: ChecklistEntry[] = [];
  const fileFindings: ChecklistSnapshot['fileFindings'] = [];
  let objects = 0;
  for (const { uri, file, findings } of files) {
    for (const pd of file.documents) objects += pd.objects.length;
    const loose: ChecklistFinding[] = [];
    const byObject = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!f.object) {
        loose.push(toChecklistFinding(file, f));
        continue;
      }
      const key = objectKey(f.document.index, f.object.kind, f.object.name, f.object.namespace);
      const list = byObject.get(key) ?? [];
      list.push(f);
      byObject.set(key, list);
    }
    if (loose.length) fileFindings.push({ uri, findings: loose });
    // A Helm template or a document that does not parse is not checked: its objects get no verdict
    // (listing them with every item passing would call a half-typed Deployment production-ready).
    const unchecked = findings.some(f => f.ruleId === 'helm-template');
    for (const pd of file.documents) {
      if (unchecked || pd.problems.length) continue;
      for (const object of pd.objects) {
        const own = byObject.get(objectKey(pd.index, object.kind, object.name, object.namespace)) ?? [];
        const workload = isWorkload(object);
        if (!workload && !own.length) continue;
        const applicable = applicableItems(object.kind);
        const ids = workload ? [...applicable, ...OPTIONAL_ITEMS.filter(i => own.some(f => f.checklist === i))] : [...new Set(own.map(f => f.checklist))];
        const items: ChecklistItem[] = ids.map(id => {
          const list = own.filter(f => f.checklist === id);
          const active = list.filter(f => !f.suppressed);
          const status: ItemStatus = active.length ? 'fail' : list.length ? 'accepted' : 'pass';
          return { id, title: CHECKLIST_TITLES[id], status, findings: list.map(f => toChecklistFinding(file, f)) };
        });
        for (const id of CORE_ITEMS) if (workload && !ids.includes(id)) items.push({ id, title: CHECKLIST_TITLES[id], status: 'n/a', findings: [] });
        items.sort((a, b) => order(a.id) - order(b.id));
        const counted = items.filter(i => i.status !== 'n/a');
        const passing = counted.filter(i => i.status !== 'fail').length;
        const anchor = object.nameNode?.range ?? object.kindNode?.range ?? [0, 0];
        const entry: ChecklistEntry = {
          uri, kind: object.kind, name: object.name, namespace: object.namespace, workload,
          range: { start: file.lines.position(pd.offset + anchor[0]), end: file.lines.position(pd.offset + anchor[1]) },
          items,
          score: counted.length ? passing / counted.length : 1,
          ready: passing === counted.length,
        };
        (workload ? workloads : others).push(entry);
      }
    }
  }
  const byPlace = (a: ChecklistEntry, b: ChecklistEntry) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line;
  return { indexing, workloads: workloads.sort(byPlace), others: others.sort(byPlace), fileFindings, objects, files: files.length };
}

function order(id: Checklist): number {
  const all: Checklist[] = [...CORE_ITEMS, ...OPTIONAL_ITEMS, 'syntax'];
  return all.indexOf(id);
}

function objectKey(docIndex: number, kind: string, name: string, namespace: string | undefined): string {
  return `${docIndex}\u0000${kind}\u0000${name}\u0000${namespace ?? ''}`;
}

function toChecklistFinding(file: ManifestFile, f: Finding): ChecklistFinding {
  const [s, e] = absoluteRange(f);
  const out: ChecklistFinding = {
    ruleId: f.ruleId, severity: f.severity, message: f.message,
    range: { start: file.lines.position(s), end: file.lines.position(e) },
    fixable: f.fixes.length > 0,
  };
  if (f.container !== undefined) out.container = f.container;
  if (f.suppressed) out.suppressed = f.suppressed.reason ? `${f.suppressed.source}: ${f.suppressed.reason}` : f.suppressed.source;
  return out;
}
