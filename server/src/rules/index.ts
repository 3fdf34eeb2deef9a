// The registry: every rule, sorted by id. Adding a rule = one import and one entry here.
import { cpuLimit } from './cpu-limit';
import { cpuRequest } from './cpu-request';
import { helmTemplate } from './helm-template';
import { invalidQuantity } from './invalid-quantity';
import { memoryLimit } from './memory-limit';
import { memoryRequest } from './memory-request';
import { requestExceedsLimit } from './request-exceeds-limit';
import { Rule } from './types';
import { yamlSyntax } from './yaml-syntax';
// --- imports: health, replicas, observability ---
// --- end health, replicas, observability ---
// --- imports: rbac, security ---
// --- end rbac, security ---
// --- imports: state, networking ---
// --- end state, networking ---

export const allRules: readonly Rule[] = [
  cpuLimit,
  cpuRequest,
  helmTemplate,
  invalidQuantity,
  memoryLimit,
  memoryRequest,
  requestExceedsLimit,
  yamlSyntax,
  // --- rules: health, replicas, observability ---
  // --- end health, replicas, observability ---
  // --- rules: rbac, security ---
  // --- end rbac, security ---
  // --- rules: state, networking ---
  // --- end state, networking ---
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

const byId = new Map(allRules.map(r => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export const DOCS_BASE = 'https://github.com/kubeready/kubeready/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
