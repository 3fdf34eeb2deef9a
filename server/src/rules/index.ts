// The registry: every rule, sorted by id. Adding a rule = one import and one entry here.
import { cpuLimit } from './cpu-limit';
import { cpuRequest } from './cpu-request';
import { fileTooLarge } from './file-too-large';
import { helmTemplate } from './helm-template';
import { invalidConfig } from './invalid-config';
import { invalidQuantity } from './invalid-quantity';
import { invalidType } from './invalid-type';
import { memoryLimit } from './memory-limit';
import { memoryRequest } from './memory-request';
import { networkPolicySelector } from './network-policy-selector';
import { requestExceedsLimit } from './request-exceeds-limit';
import { Rule } from './types';
import { unusedSuppression } from './unused-suppression';
import { workloadCreateRbac } from './workload-create-rbac';
import { yamlLimits } from './yaml-limits';
import { yamlSyntax } from './yaml-syntax';
// --- imports: health, replicas, observability ---
import { antiAffinity } from './anti-affinity';
import { hpaMinReplicas } from './hpa-min-replicas';
import { identicalProbes } from './identical-probes';
import { livenessProbe } from './liveness-probe';
import { metricsScrape } from './metrics-scrape';
import { monitorSelector } from './monitor-selector';
import { pdb } from './pdb';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { probePort } from './probe-port';
import { readinessProbe } from './readiness-probe';
import { replicas } from './replicas';
// --- end health, replicas, observability ---
// --- imports: rbac, security ---
import { automountToken } from './automount-token';
import { capabilities } from './capabilities';
import { clusterAdminBinding } from './cluster-admin-binding';
import { defaultServiceAccount } from './default-service-account';
import { execRbac } from './exec-rbac';
import { hostNamespaces } from './host-namespaces';
import { hostPath } from './host-path';
import { imageTag } from './image-tag';
import { networkPolicy } from './network-policy';
import { privilegeEscalation } from './privilege-escalation';
import { privileged } from './privileged';
import { readOnlyRootFs } from './read-only-root-fs';
import { runAsNonRoot } from './run-as-non-root';
import { seccomp } from './seccomp';
import { secretInEnv } from './secret-in-env';
import { secretsRbac } from './secrets-rbac';
import { wildcardRbac } from './wildcard-rbac';
// --- end rbac, security ---
// --- imports: state, networking ---
import { ingressBackend } from './ingress-backend';
import { ingressTls } from './ingress-tls';
import { pvcMissing } from './pvc-missing';
import { selectorMismatch } from './selector-mismatch';
import { serviceSelector } from './service-selector';
import { serviceTargetPort } from './service-target-port';
import { sharedRwoVolume } from './shared-rwo-volume';
import { statefulDataEphemeral } from './stateful-data-ephemeral';
import { statefulsetService } from './statefulset-service';
// --- end state, networking ---

export const allRules: readonly Rule[] = [
  cpuLimit,
  cpuRequest,
  fileTooLarge,
  helmTemplate,
  invalidConfig,
  invalidQuantity,
  invalidType,
  memoryLimit,
  memoryRequest,
  networkPolicySelector,
  requestExceedsLimit,
  unusedSuppression,
  workloadCreateRbac,
  yamlLimits,
  yamlSyntax,
  // --- rules: health, replicas, observability ---
  antiAffinity,
  hpaMinReplicas,
  identicalProbes,
  livenessProbe,
  metricsScrape,
  monitorSelector,
  pdb,
  pdbBlocksEviction,
  probePort,
  readinessProbe,
  replicas,
  // --- end health, replicas, observability ---
  // --- rules: rbac, security ---
  automountToken,
  capabilities,
  clusterAdminBinding,
  defaultServiceAccount,
  execRbac,
  hostNamespaces,
  hostPath,
  imageTag,
  networkPolicy,
  privilegeEscalation,
  privileged,
  readOnlyRootFs,
  runAsNonRoot,
  seccomp,
  secretInEnv,
  secretsRbac,
  wildcardRbac,
  // --- end rbac, security ---
  // --- rules: state, networking ---
  ingressBackend,
  ingressTls,
  pvcMissing,
  selectorMismatch,
  serviceSelector,
  serviceTargetPort,
  sharedRwoVolume,
  statefulDataEphemeral,
  statefulsetService,
  // --- end state, networking ---
// Rule ids are lowercase ASCII, for which code-unit order is the collation order: no ICU collator (about
// 10 ms) is loaded at start-up.
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const byId = new Map(allRules.map(r => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export const DOCS_BASE = 'https://github.com/kubeready/kubeready/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
