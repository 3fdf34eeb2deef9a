import { isScalar, Scalar } from 'yaml';
import { getMap, getNode } from '../model/nodes';
import { plural, steadyPods, workloadsCoveredBy } from './support/availability';
import { describeObject } from './support/describe';
import { Rule } from './types';

const CONSEQUENCE = 'node drains and cluster upgrades hang until someone deletes the budget.';

/** An int-or-percent value: a number, or a percentage (`"50%"`). */
function intOrPercent(node: unknown): { n: number; percent: boolean; text: string } | undefined {
  if (!isScalar(node)) return undefined;
  const v = (node as Scalar).value;
  if (typeof v === 'number' && Number.isFinite(v)) return { n: v, percent: false, text: String(v) };
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(v);
    if (m) return { n: Number(m[1]), percent: true, text: v.trim() };
    if (/^\d+$/.test(v.trim())) return { n: Number(v), percent: false, text: v.trim() };
  }
  return undefined;
}

export const pdbBlocksEviction: Rule = {
  meta: {
    id: 'pdb-blocks-eviction', checklist: 'replicas', severity: 'warning', kinds: ['PodDisruptionBudget'], fixable: false, crossResource: true,
    title: 'PodDisruptionBudgets allow at least one eviction',
    whenItFails: 'Node drains and cluster upgrades hang, because the budget never lets a single covered pod be evicted.',
    remediation: 'Use maxUnavailable: 1, or set minAvailable below the number of pods the budget selects.',
  },
  check(ctx) {
    const object = ctx.object;
    const spec = getMap(object.map, 'spec', ctx.doc);
    const maxNode = getNode(spec, 'maxUnavailable', ctx.doc);
    const max = intOrPercent(maxNode);
    if (max && max.n === 0) {
      ctx.report({
        node: maxNode,
        message: `${describeObject(object)} sets maxUnavailable: ${max.text}, so it never allows an eviction: ${CONSEQUENCE}`,
      });
      return;
    }
    // With both set (the API rejects that), minAvailable is judged too.
    const minNode = getNode(spec, 'minAvailable', ctx.doc);
    const min = intOrPercent(minNode);
    if (!min || min.n <= 0) return;
    if (min.percent) {
      if (min.n >= 100) {
        ctx.report({ node: minNode, message: `${describeObject(object)} requires minAvailable: ${min.text} of its pods, so it never allows an eviction: ${CONSEQUENCE}` });
        return;
      }
    }
    // Compare with the pods it covers when things are quiet (an autoscaler's floor).
    const covered = workloadsCoveredBy(ctx.workspace, object);
    if (!covered.length) return;
    let total = 0;
    const parts: string[] = [];
    for (const workload of covered) {
      const pods = steadyPods(ctx.workspace, workload);
      if (!pods) return; // a DaemonSet or an unknown replica count: nothing certain to say
      total += pods.count;
      parts.push(pods.autoscaler
        ? `${describeObject(workload)}, at the minimum of ${describeObject(pods.autoscaler.object)}`
        : describeObject(workload));
    }
    if (total <= 0) return;
    // Kubernetes rounds a percentage of minAvailable up.
    const required = min.percent ? Math.ceil((min.n * total) / 100) : min.n;
    if (required < total) return;
    const of = parts.length === 1 ? parts[0] : parts.join(' and ');
    ctx.report({
      node: minNode,
      message: `${describeObject(object)} requires minAvailable: ${min.text}, but it covers only ${plural(total, 'pod')} (${of}), so it never allows an eviction: ${CONSEQUENCE}`,
    });
  },
};
