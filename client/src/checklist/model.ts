// The checklist tree as plain data: summary row, workloads x checklist items x findings, other objects and
// file-level problems. Pure code without `vscode` imports, so the tree is unit-tested in Node; the tree
// provider only maps these nodes to TreeItems.
import type {
  ChecklistEntry, ChecklistFinding, ChecklistItem, ChecklistSnapshot, ItemStatus,
} from '../../../server/src/analysis/checklist';

export type { ChecklistEntry, ChecklistFinding, ChecklistItem, ChecklistSnapshot, ItemStatus };

/** What the panel shows: the file in the active editor, or the whole workspace. */
export type Scope = 'file' | 'workspace';

export type Icon = ItemStatus | 'error' | 'warning' | 'info' | 'group' | 'file';

export type NodeKind = 'summary' | 'message' | 'workload' | 'object' | 'item' | 'finding' | 'group' | 'file';

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A place in a document: what clicking a node reveals. */
export interface Target {
  uri: string;
  range: Range;
}

export interface TreeNode {
  /** Unique in the tree and stable across updates, so expansion and selection survive a refresh. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  tooltip?: string;
  icon: Icon;
  /** Start expanded (only meaningful for nodes with children). */
  expanded?: boolean;
  target?: Target;
  /** Set on finding nodes. */
  finding?: ChecklistFinding;
  /** Set on finding nodes: the object the finding belongs to (undefined for file-level findings). */
  entry?: ChecklistEntry;
  children?: TreeNode[];
}

export interface TreeOptions {
  scope: Scope;
  /** URI of the document in the active editor (for the `file` scope). */
  activeUri?: string;
  /** How a file is named in descriptions (e.g. relative to the workspace folder). Default: its base name. */
  displayPath?: (uri: string) => string;
}

/** Entries and file-level findings that the chosen scope shows. */
export interface Scoped {
  workloads: ChecklistEntry[];
  others: ChecklistEntry[];
  fileFindings: ChecklistSnapshot['fileFindings'];
}

export function inScope(snapshot: ChecklistSnapshot, scope: Scope, activeUri: string | undefined): Scoped {
  if (scope === 'workspace') return { workloads: snapshot.workloads, others: snapshot.others, fileFindings: snapshot.fileFindings };
  const mine = (x: { uri: string }) => activeUri !== undefined && x.uri === activeUri;
  return {
    workloads: snapshot.workloads.filter(mine),
    others: snapshot.others.filter(mine),
    fileFindings: snapshot.fileFindings.filter(mine),
  };
}

// ---- score -------------------------------------------------------------------------------------------

/**
 * Readiness of a set of workloads. See docs/report.md: an item counts when it applies to the workload
 * (status other than `n/a`); it passes when it has no active finding (`pass`, or `accepted` when every
 * finding is a documented exception). A workload's score is passed / applicable; it is production-ready
 * when every applicable item passes. The overall score pools the items of all workloads.
 */
export interface Summary {
  workloads: number;
  ready: number;
  /** Applicable checklist items over all workloads. */
  applicable: number;
  /** Applicable items that pass or are accepted exceptions. */
  passing: number;
  /** Of `passing`, the items that pass only thanks to an accepted exception. */
  accepted: number;
  /** passing / applicable, 0..1; 1 when nothing applies. */
  score: number;
}

export function entryScore(entry: Pick<ChecklistEntry, 'items'>): { applicable: number; passing: number; accepted: number; score: number; ready: boolean } {
  const counted = entry.items.filter(i => i.status !== 'n/a');
  const passing = counted.filter(i => i.status === 'pass' || i.status === 'accepted').length;
  const accepted = counted.filter(i => i.status === 'accepted').length;
  return {
    applicable: counted.length, passing, accepted,
    score: counted.length ? passing / counted.length : 1,
    ready: passing === counted.length,
  };
}

export function summarize(workloads: readonly ChecklistEntry[]): Summary {
  let ready = 0, applicable = 0, passing = 0, accepted = 0;
  for (const w of workloads) {
    const s = entryScore(w);
    applicable += s.applicable;
    passing += s.passing;
    accepted += s.accepted;
    if (s.ready) ready++;
  }
  return { workloads: workloads.length, ready, applicable, passing, accepted, score: applicable ? passing / applicable : 1 };
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "7 of 12 workloads production-ready". */
export function summaryLabel(summary: Summary): string {
  if (!summary.workloads) return 'No workloads';
  return `${summary.ready} of ${plural(summary.workloads, 'workload')} production-ready`;
}

/** "Checklist score 78%: 35 of 45 applicable items pass". */
export function scoreSentence(summary: Summary): string {
  const accepted = summary.accepted ? ` (${summary.accepted} as accepted exceptions)` : '';
  return `Checklist score ${percent(summary.score)}: ${summary.passing} of ${plural(summary.applicable, 'applicable item')} pass${accepted}`;
}

// ---- counts ------------------------------------------------------------------------------------------

function entryFindings(entry: ChecklistEntry): ChecklistFinding[] {
  return entry.items.flatMap(i => i.findings);
}

/** Findings that are not accepted exceptions, in the whole snapshot or in one file. */
export function countIssues(snapshot: ChecklistSnapshot, uri?: string): number {
  const inFile = (x: { uri: string }) => uri === undefined || x.uri === uri;
  let n = 0;
  for (const e of [...snapshot.workloads, ...snapshot.others]) if (inFile(e)) n += entryFindings(e).filter(f => !f.suppressed).length;
  for (const f of snapshot.fileFindings) if (inFile(f)) n += f.findings.filter(x => !x.suppressed).length;
  return n;
}

/** True when the snapshot shows nothing at all: no Kubernetes object and no file with a problem. */
export function isEmpty(snapshot: ChecklistSnapshot): boolean {
  return !snapshot.workloads.length && !snapshot.others.length && !snapshot.fileFindings.length && !snapshot.objects;
}

// ---- labels ------------------------------------------------------------------------------------------

/** The part of a finding's message before its explanation: `Container "web" has no memory limit`. */
export function headline(message: string, max = 100): string {
  const cut = message.search(/: |; |\. /);
  let text = (cut > 0 ? message.slice(0, cut) : message).replace(/\.$/, '');
  if (text.length > max) text = `${text.slice(0, max - 1).trimEnd()}…`;
  return text;
}

/**
 * A finding's label under its object's node: the headline without the object's name, which the parent row
 * already shows (`Container "web" of Deployment "api" has no ...` -> `Container "web" has no ...`).
 */
export function findingLabel(message: string, entry?: Pick<ChecklistEntry, 'kind' | 'name'>): string {
  let text = message;
  if (entry) {
    const self = `${entry.kind} "${entry.name}"`;
    text = text.split(` of ${self}`).join('');
    if (text.startsWith(`${self} `)) {
      const rest = text.slice(self.length + 1);
      text = rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return headline(text);
}

export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:/i, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

export function entryLabel(entry: Pick<ChecklistEntry, 'kind' | 'name'>): string {
  return `${entry.kind}/${entry.name}`;
}

function itemDescription(item: ChecklistItem): string {
  const active = item.findings.filter(f => !f.suppressed).length;
  const accepted = item.findings.length - active;
  switch (item.status) {
    case 'pass': return 'pass';
    case 'n/a': return 'not applicable';
    case 'accepted': return accepted === 1 ? 'accepted exception' : `${accepted} accepted exceptions`;
    case 'fail': return plural(active, 'finding') + (accepted ? `, ${accepted} accepted` : '');
  }
}

function severityIcon(f: ChecklistFinding): Icon {
  return f.suppressed ? 'accepted' : f.severity;
}

function entryIcon(entry: ChecklistEntry): Icon {
  if (entry.items.some(i => i.status === 'fail')) return 'fail';
  const counted = entry.items.filter(i => i.status !== 'n/a');
  if (!counted.length) return 'n/a';
  return counted.every(i => i.status === 'accepted') && !entry.workload ? 'accepted' : 'pass';
}

// ---- tree --------------------------------------------------------------------------------------------

export const OTHER_OBJECTS_LABEL = 'Other objects';
export const FILE_PROBLEMS_LABEL = 'File problems';

/**
 * The roots of the tree. Empty when there is nothing to show at all (no snapshot yet, or a workspace
 * without Kubernetes objects), which lets the view show its welcome content.
 */
export function buildTree(snapshot: ChecklistSnapshot | undefined, options: TreeOptions): TreeNode[] {
  if (!snapshot || isEmpty(snapshot)) return [];
  const show = options.displayPath ?? baseName;
  const ids = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; ids.has(candidate); n++) candidate = `${id}~${n}`;
    ids.add(candidate);
    return candidate;
  };

  if (options.scope === 'file' && !options.activeUri) {
    return [{
      id: unique('message:no-file'), kind: 'message', icon: 'info',
      label: 'No manifest in the active editor',
      tooltip: 'The checklist shows the file in the active editor. Open a Kubernetes manifest, or switch the view to the whole workspace.',
    }];
  }

  const scoped = inScope(snapshot, options.scope, options.activeUri);
  const summary = summarize(scoped.workloads);
  const where = options.scope === 'workspace' ? 'workspace' : show(options.activeUri!);
  const roots: TreeNode[] = [];
  roots.push({
    id: unique('summary'), kind: 'summary',
    label: summaryLabel(summary),
    description: snapshot.indexing ? `${where} · indexing…` : where,
    tooltip: summary.workloads ? `${scoreSentence(summary)}.` : `No workload in the ${options.scope === 'workspace' ? 'workspace' : 'active file'}.`,
    icon: !summary.workloads ? 'n/a' : summary.ready === summary.workloads ? 'pass' : 'fail',
  });

  const expandEntries = options.scope === 'file';
  const entryNode = (entry: ChecklistEntry, parentId: string): TreeNode => {
    const id = unique(`${parentId}/${entry.uri}|${entry.kind}|${entry.namespace ?? ''}|${entry.name}`);
    const file = show(entry.uri);
    const score = entryScore(entry);
    const lines = [
      `${entry.kind} "${entry.name}"${entry.namespace ? ` in namespace "${entry.namespace}"` : ''}`,
      `${file}:${entry.range.start.line + 1}`,
    ];
    if (entry.workload) lines.push(`${score.ready ? 'Production-ready' : 'Not production-ready'}: ${score.passing} of ${plural(score.applicable, 'checklist item')} pass (${percent(score.score)})`);
    return {
      id, kind: entry.workload ? 'workload' : 'object',
      label: entryLabel(entry),
      description: entry.namespace ? `${entry.namespace} · ${file}` : file,
      tooltip: lines.join('\n'),
      icon: entryIcon(entry),
      expanded: expandEntries,
      target: { uri: entry.uri, range: entry.range },
      children: entry.items.map(item => itemNode(entry, item, id)),
    };
  };
  const itemNode = (entry: ChecklistEntry, item: ChecklistItem, parentId: string): TreeNode => {
    const id = unique(`${parentId}/${item.id}`);
    const node: TreeNode = {
      id, kind: 'item', label: item.title, description: itemDescription(item), icon: item.status,
      expanded: expandEntries && item.status === 'fail',
    };
    if (item.findings.length) node.children = item.findings.map(f => findingNode(entry.uri, f, id, entry));
    return node;
  };
  const findingNode = (uri: string, f: ChecklistFinding, parentId: string, entry?: ChecklistEntry): TreeNode => {
    const line = f.range.start.line + 1;
    const tooltip = [`${f.message}`, `${f.severity} · ${f.ruleId} · ${show(uri)}:${line}:${f.range.start.character + 1}`];
    if (f.suppressed) tooltip.push(`Accepted exception (${f.suppressed})`);
    return {
      id: unique(`${parentId}/${f.ruleId}@${f.range.start.line}:${f.range.start.character}`),
      kind: 'finding',
      label: findingLabel(f.message, entry),
      description: f.suppressed ? `${f.ruleId} · accepted` : `${f.ruleId} · line ${line}`,
      tooltip: tooltip.join('\n'),
      icon: severityIcon(f),
      target: { uri, range: f.range },
      finding: f,
      entry,
    };
  };

  for (const w of scoped.workloads) roots.push(entryNode(w, 'w'));
  if (scoped.others.length) {
    const id = unique('group:others');
    const issues = scoped.others.reduce((n, e) => n + entryFindings(e).filter(f => !f.suppressed).length, 0);
    roots.push({
      id, kind: 'group', icon: 'group', label: OTHER_OBJECTS_LABEL,
      description: `${plural(scoped.others.length, 'object')} · ${plural(issues, 'finding')}`,
      tooltip: 'RBAC, Services, Ingresses, PodDisruptionBudgets and other objects that are not workloads, with their findings.',
      expanded: true,
      children: scoped.others.map(e => entryNode(e, id)),
    });
  }
  if (scoped.fileFindings.length) {
    const id = unique('group:files');
    roots.push({
      id, kind: 'group', icon: 'group', label: FILE_PROBLEMS_LABEL,
      description: plural(scoped.fileFindings.reduce((n, f) => n + f.findings.length, 0), 'finding'),
      tooltip: 'Findings that belong to no object: YAML syntax errors, Helm templates, files too large to check.',
      expanded: true,
      children: scoped.fileFindings.map(ff => {
        const fileId = unique(`${id}/${ff.uri}`);
        return {
          id: fileId, kind: 'file' as const, icon: 'file' as const, label: baseName(ff.uri), description: show(ff.uri),
          expanded: true,
          target: { uri: ff.uri, range: ff.findings[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
          children: ff.findings.map(f => findingNode(ff.uri, f, fileId)),
        };
      }),
    });
  }
  return roots;
}

// ---- rule documentation -------------------------------------------------------------------------------

/** Where rule docs live on the web; kept equal to the server's ruleDocUrl by a unit test. */
export const RULE_DOCS_BASE = 'https://github.com/kubeready/kubeready/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

/** A rule id is a lowercase kebab-case word; anything else never becomes a path. */
export function isRuleId(text: unknown): text is string {
  return typeof text === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
}
