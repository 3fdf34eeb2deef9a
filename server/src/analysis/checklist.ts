// The production-readiness checklist: workloads x checklist items x findings, computed file by file. Pure data,
// sent to the editor's panel and used by the readiness report.
import { absoluteRange } from './analyze';
import { ManifestFile } from '../model/manifest';
import { isLongRunning, isWorkload } from '../model/workloads';
import { Checklist, Finding, CHECKLIST_TITLES } from '../rules/types';
import { assembleChecklist, ChecklistEntry, ChecklistFile, ChecklistFinding, ChecklistItem, ChecklistSnapshot, ItemStatus } from './checklistSnapshot';

export type { ChecklistEntry, ChecklistFile, ChecklistFinding, ChecklistItem, ChecklistSnapshot, ItemStatus } from './checklistSnapshot';

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
}

export function buildChecklist(files: FileFindings[], indexing = false): ChecklistSnapshot {
  return assembleChecklist(files.map(f => checklistFile(f.uri, f.file, f.findings)), indexing);
}

/** One file's objects with their verdicts, and its findings that belong to no object. */
export function checklistFile(uri: string, file: ManifestFile, findings: readonly Finding[]): ChecklistFile {
  const part: ChecklistFile = { uri, workloads: [], others: [], findings: [], objects: 0 };
  const byObject = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.object) {
      part.findings.push(toChecklistFinding(file, f));
      continue;
    }
    const key = objectKey(f.document.index, f.object.kind, f.object.name, f.object.namespace);
    const list = byObject.get(key) ?? [];
    list.push(f);
    byObject.set(key, list);
  }
  // A Helm template or a document that does not parse is not checked: its objects get no verdict
  // (listing them with every item passing would call a half-typed Deployment production-ready).
  const unchecked = findings.some(f => f.ruleId === 'helm-template');
  for (const pd of file.documents) {
    part.objects += pd.objects.length;
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
      (workload ? part.workloads : part.others).push(entry);
    }
  }
  const byLine = (a: ChecklistEntry, b: ChecklistEntry) => a.range.start.line - b.range.start.line;
  part.workloads.sort(byLine);
  part.others.sort(byLine);
  return part;
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
