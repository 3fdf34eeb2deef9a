import { isScalar } from 'yaml';
import { getMap } from '../model/nodes';
import { REPLICATED_KINDS } from '../model/workloads';
import { describeObject } from './support/describe';
import { autoscalersOf, insertFirstKey, plural, replicasNode } from './support/availability';
import { FixSpec, Rule, RuleContext } from './types';

export const replicas: Rule = {
  meta: {
    id: 'replicas', checklist: 'replicas', severity: 'warning', kinds: REPLICATED_KINDS, fixable: true, crossResource: true,
    title: 'Workloads run at least two replicas',
    whenItFails: 'A single pod is a single point of failure: every node drain, crash or rollout of it is an outage.',
    remediation: 'Set spec.replicas to 2 or more, or scale the workload with a HorizontalPodAutoscaler whose minReplicas is 2 or more.',
  },
  check(ctx) {
    const minimum = ctx.settings.replicas.minimum;
    const object = ctx.object;
    const scalers = autoscalersOf(ctx.workspace, object);
    if (scalers.length) {
      // The autoscaler owns the replica count: spec.replicas no longer matters, and no fix of it helps.
      if (scalers.some(s => s.minReplicas >= minimum)) return;
      const s = scalers[0];
      const field = s.object.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas';
      const floor = s.minNode ? `${field} ${s.minReplicas}` : `no ${field}, so ${s.minReplicas}`;
      ctx.report({
        node: object.nameNode,
        message: `${describeObject(object)} is scaled by ${describeObject(s.object)} with ${floor} (at least ${minimum} expected): at low load it keeps ${s.minReplicas === 0 ? 'no pod' : plural(s.minReplicas, 'pod')}, so ${consequence(s.minReplicas)}`,
      });
      return;
    }
    const { node, value } = replicasNode(object);
    if (node && value === undefined) return; // a template expression or a wrong type: nothing to judge
    const count = value ?? 1;
    // An explicit 0 switches the workload off on purpose.
    if (node && count === 0) return;
    if (count >= minimum) return;
    ctx.report({
      node: node ?? object.nameNode,
      message: `${describeObject(object)} runs ${plural(count, 'replica')} (${node ? '' : 'spec.replicas is not set; '}at least ${minimum} expected): ${consequence(count)}`,
      fixes: replicasFix(ctx, minimum),
    });
  },
};

function consequence(count: number): string {
  return count <= 1
    ? 'every node drain, crash or rollout of that pod is an outage.'
    : 'a node drain or crash during a rollout can leave it without a ready pod.';
}

function replicasFix(ctx: RuleContext, minimum: number): FixSpec[] {
  const spec = getMap(ctx.object.map, 'spec', ctx.doc);
  if (!spec) return [];
  const pair = spec.items.find(p => isScalar(p.key) && p.key.value === 'replicas');
  const title = `Set replicas to ${minimum}`;
  if (pair) {
    const value = pair.value as { range?: [number, number, number] } | null;
    if (!value?.range || value.range[1] <= value.range[0]) return [{ title, preferred: true, edit: b => b.merge(spec, { replicas: minimum }) }];
    return [{ title, preferred: true, edit: b => b.replace(pair.value as never, String(minimum)) }];
  }
  return [{ title, preferred: true, edit: b => insertFirstKey(b, spec, 'replicas', minimum) }];
}
