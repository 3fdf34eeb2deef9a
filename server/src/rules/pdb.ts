import { namespaceLabel } from '../analysis/workspace';
import { YamlValue } from '../model/edits';
import { formatLabels, podTemplate, selectorMatches, workloadSelector } from '../model/workloads';
import { autoscalersOf, pdbsCovering, plural, podLabels, replicasNode } from './support/availability';
import { describeObject } from './support/describe';
import { FixSpec, Rule, RuleContext } from './types';

export const PDB_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'Rollout', 'DeploymentConfig'];

export const pdb: Rule = {
  meta: {
    id: 'pdb', checklist: 'replicas', severity: 'warning', kinds: PDB_KINDS, fixable: true, crossResource: true,
    title: 'Replicated workloads have a PodDisruptionBudget',
    whenItFails: 'A node drain or cluster upgrade may evict every replica at the same time.',
    remediation: 'Add a PodDisruptionBudget that selects the workload\'s pods, with maxUnavailable: 1 (or a minAvailable below the replica count).',
  },
  check(ctx) {
    const object = ctx.object;
    const scalers = autoscalersOf(ctx.workspace, object);
    const { value } = replicasNode(object);
    let runs: string;
    if (scalers.length) runs = `is scaled by ${describeObject(scalers[0].object)}`;
    else if (value !== undefined && value >= 2) runs = `runs ${plural(value, 'replica')}`;
    else return;
    if (pdbsCovering(ctx.workspace, object).length) return;
    const labels = podLabels(object);
    ctx.report({
      node: object.nameNode,
      message: `${describeObject(object)} ${runs} but no PodDisruptionBudget in ${namespaceLabel(object.namespace)} selects labels ${formatLabels(labels)}: a node drain or cluster upgrade can evict all of its pods at once.`,
      fixes: pdbFix(ctx),
    });
  },
};

function pdbFix(ctx: RuleContext): FixSpec[] {
  const object = ctx.object;
  if (!object.name) return [];
  const pod = podTemplate(object);
  const selector = workloadSelector(object);
  let matchLabels: Record<string, string>;
  let matchExpressions: YamlValue[] = [];
  if (selector && (Object.keys(selector.matchLabels).length || selector.matchExpressions.length)) {
    // The budget must select the pods: copy the workload's selector when the pods carry its labels.
    if (pod && !selectorMatches(selector, pod.labels)) return [];
    matchLabels = selector.matchLabels;
    matchExpressions = selector.matchExpressions.map((e): YamlValue => (e.operator === 'Exists' || e.operator === 'DoesNotExist'
      ? { key: e.key, operator: e.operator }
      : { key: e.key, operator: e.operator, values: [...e.values] }));
  } else {
    matchLabels = pod?.labels ?? {};
  }
  if (!Object.keys(matchLabels).length && !matchExpressions.length) return [];
  const taken = new Set(ctx.workspace.inNamespaceOf(object, 'PodDisruptionBudget').map(p => p.name));
  const name = [object.name, `${object.name}-pdb`].find(n => !taken.has(n));
  if (!name) return [];
  const metadata: { [k: string]: YamlValue } = { name };
  if (object.namespace !== undefined) metadata.namespace = object.namespace;
  const sel: { [k: string]: YamlValue } = {};
  if (Object.keys(matchLabels).length) sel.matchLabels = { ...matchLabels };
  if (matchExpressions.length) sel.matchExpressions = matchExpressions;
  const budget: { [k: string]: YamlValue } = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata,
    spec: { maxUnavailable: 1, selector: sel },
  };
  return [{ title: `Create PodDisruptionBudget for ${object.name}`, preferred: true, edit: b => b.appendDocument(budget) }];
}
