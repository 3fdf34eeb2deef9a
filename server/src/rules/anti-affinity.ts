import { isMap, isSeq, YAMLMap } from 'yaml';
import { YamlValue } from '../model/edits';
import { findPair, getMap, getNode, getSeq, getString, seqItems } from '../model/nodes';
import { formatLabels, REPLICATED_KINDS, selectorMatches, selectorOf, workloadSelector } from '../model/workloads';
import { autoscalersOf, plural, replicasNode } from './support/availability';
import { replaceEmptyValue } from './support/blockEdits';
import { describeObject } from './support/describe';
import { FixSpec, Rule, RuleContext } from './types';

export const antiAffinity: Rule = {
  meta: {
    id: 'anti-affinity', checklist: 'replicas', severity: 'info', kinds: REPLICATED_KINDS, fixable: true, crossResource: true,
    title: 'Replicas are spread across nodes',
    whenItFails: 'The scheduler may put every replica on one node, and losing that node takes the whole workload down.',
    remediation: 'Add a topologySpreadConstraint (or a podAntiAffinity term) on kubernetes.io/hostname whose labelSelector selects the workload\'s own pods.',
  },
  check(ctx) {
    const object = ctx.object;
    const pod = ctx.pod();
    if (!pod) return;
    const { value } = replicasNode(object);
    const scalers = autoscalersOf(ctx.workspace, object);
    let runs: string;
    if (scalers.some(s => (s.maxReplicas ?? 2) >= 2)) runs = `is scaled by ${describeObject(scalers[0].object)}`;
    else if (value !== undefined && value >= 2) runs = `runs ${plural(value, 'replica')}`;
    else return;
    const doc = ctx.doc;
    const spec = pod.spec;
    const terms = antiAffinityTerms(spec, ctx);
    const constraints = seqItems(getSeq(spec, 'topologySpreadConstraints', doc), doc).filter(isMap);
    const own = (selectorMap: YAMLMap | undefined) => {
      const sel = selectorOf(selectorMap, doc);
      // A missing labelSelector selects no pods; an empty one selects all of them (the own pods too).
      return !!sel && selectorMatches(sel, pod.labels);
    };
    const inOwnNamespace = (term: YAMLMap) => {
      if (getNode(term, 'namespaceSelector', doc)) return true; // namespace labels are not in the manifests
      const names = seqItems(getSeq(term, 'namespaces', doc), doc).map(n => String((n as { value?: unknown }).value ?? ''));
      return !names.length || (object.namespace !== undefined && names.includes(object.namespace));
    };
    if (terms.some(t => own(getMap(t, 'labelSelector', doc)) && inOwnNamespace(t))) return;
    if (constraints.some(c => own(getMap(c, 'labelSelector', doc)))) return;
    const has = terms.length || constraints.length;
    const why = has
      ? `its podAntiAffinity and topologySpreadConstraints do not select its own pods (labels ${formatLabels(pod.labels)})`
      : 'it has neither podAntiAffinity nor topologySpreadConstraints';
    ctx.report({
      node: object.nameNode,
      message: `${describeObject(object)} ${runs} but ${why}: the scheduler may put every replica on one node, and losing that node takes them all down.`,
      fixes: spreadFix(ctx),
    });
  },
};

function antiAffinityTerms(spec: YAMLMap, ctx: RuleContext): YAMLMap[] {
  const doc = ctx.doc;
  const anti = getMap(getMap(spec, 'affinity', doc), 'podAntiAffinity', doc);
  const required = seqItems(getSeq(anti, 'requiredDuringSchedulingIgnoredDuringExecution', doc), doc).filter(isMap);
  const preferred = seqItems(getSeq(anti, 'preferredDuringSchedulingIgnoredDuringExecution', doc), doc)
    .filter(isMap)
    .map(w => getMap(w, 'podAffinityTerm', doc))
    .filter((t): t is YAMLMap => !!t);
  return [...required, ...preferred];
}

function spreadFix(ctx: RuleContext): FixSpec[] {
  const pod = ctx.pod();
  if (!pod) return [];
  const doc = ctx.doc;
  const selector = workloadSelector(ctx.object);
  const fromSelector = selector && !selector.matchExpressions.length && Object.keys(selector.matchLabels).length && selectorMatches(selector, pod.labels)
    ? selector.matchLabels
    : undefined;
  const labels = fromSelector ?? pod.labels;
  if (!Object.keys(labels).length) return [];
  const constraint: { [k: string]: YamlValue } = {
    maxSkew: 1,
    topologyKey: 'kubernetes.io/hostname',
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...labels } },
  };
  const pair = findPair(pod.spec, 'topologySpreadConstraints', doc);
  if (pair && !pod.spec.items.includes(pair)) return [];
  const existing = pair ? getNode(pod.spec, 'topologySpreadConstraints', doc) : undefined;
  const title = 'Spread replicas across nodes';
  if (isSeq(existing) && existing.items.length) {
    if (pair!.value !== existing) return []; // an alias: the anchored list is shared
    return [{ title, preferred: true, edit: b => b.appendItems(existing, [constraint]) }];
  }
  if (pair && existing && isSeq(existing) === false && getString(pod.spec, 'topologySpreadConstraints', doc) !== '') return [];
  if (pair && existing?.range && existing.range[1] > existing.range[0] && pair.value === existing) {
    // `topologySpreadConstraints: []` (or `null`): the list takes its place, in the style around it.
    return [{ title, preferred: true, edit: b => replaceEmptyValue(b, pair, [constraint], !!pod.spec.flow) }];
  }
  return [{ title, preferred: true, edit: b => b.merge(pod.spec, { topologySpreadConstraints: [constraint] }) }];
}
