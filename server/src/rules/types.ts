// The shape of a rule and of what it reports.
import { Document, Node, Pair } from 'yaml';
import { EditBuilder } from '../model/edits';
import { K8sObject, ParsedDocument } from '../model/manifest';
import { ContainerView, PodTemplate } from '../model/workloads';
import type { Settings } from '../analysis/settings';
import type { WorkspaceIndex } from '../analysis/workspace';

export type Severity = 'error' | 'warning' | 'info';
export type Checklist = 'resources' | 'health' | 'rbac' | 'replicas' | 'observability' | 'security' | 'state' | 'networking' | 'syntax';

export const CHECKLIST_TITLES: Record<Checklist, string> = {
  resources: 'Resources',
  health: 'Health checks',
  rbac: 'RBAC',
  replicas: 'Replicas',
  observability: 'Observability',
  security: 'Security',
  state: 'State',
  networking: 'Networking',
  syntax: 'Syntax',
};

export interface RuleMeta {
  id: string;
  checklist: Checklist;
  severity: Severity;
  /** What a passing manifest does, as a short sentence without a period. */
  title: string;
  /** One sentence: what breaks in production when this finding ships. */
  whenItFails: string;
  /** A full sentence ending with a period. */
  remediation: string;
  fixable: boolean;
  /** Object kinds the rule looks at; absent means the rule decides itself. */
  kinds?: readonly string[];
  /** Reads other objects of the workspace (so its verdict can change when another file changes). */
  crossResource?: boolean;
}

export interface FixSpec {
  title: string;
  preferred?: boolean;
  edit(builder: EditBuilder): void;
}

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  checklist: Checklist;
  message: string;
  document: ParsedDocument;
  /** Offsets relative to the document slice (`document.offset` places them in the file). */
  start: number;
  end: number;
  object?: ObjectRef;
  container?: string;
  fixes: FixSpec[];
  /** Set when a suppression accepted this finding: where it lives and why. */
  suppressed?: Suppression;
}

export interface Suppression {
  /** Where the decision lives, e.g. `annotation kubeready.io/ignore` or `.kubeready.yaml`. */
  source: string;
  reason?: string;
}

export interface Report {
  /** The node (or pair) the finding is about; its range becomes the finding's range. */
  node: Node | Pair | null | undefined;
  message: string;
  container?: ContainerView;
  fixes?: FixSpec[];
  /** Overrides the rule's default severity for this finding (e.g. host-path on the runtime socket). */
  severity?: Severity;
}

export interface RuleContext {
  readonly object: K8sObject;
  readonly doc: Document;
  readonly settings: Settings;
  readonly workspace: WorkspaceIndex;
  /** The pod template of a workload, or undefined. */
  pod(): PodTemplate | undefined;
  /** Containers of the pod template (init containers too unless `init: false`). */
  containers(options?: { init?: boolean }): readonly ContainerView[];
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
