import { findPair } from '../model/nodes';
import { LONG_RUNNING_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { canonicalProbe, declaredPorts, probeOf, runningContainers } from './support/probes';
import { Rule } from './types';

export const identicalProbes: Rule = {
  meta: {
    id: 'identical-probes', checklist: 'health', severity: 'warning', kinds: LONG_RUNNING_KINDS, fixable: false,
    title: 'Liveness and readiness probes differ',
    whenItFails: 'A slow dependency fails both probes at once, and every pod is restarted together instead of being taken out of the Service until it recovers.',
    remediation: 'Let the liveness probe check only that the process is alive (a cheaper endpoint) and give it a higher failureThreshold than the readiness probe.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const doc = ctx.doc;
    for (const container of runningContainers(pod)) {
      const liveness = probeOf(container, 'livenessProbe', doc);
      const readiness = probeOf(container, 'readinessProbe', doc);
      if (!liveness || !readiness) continue;
      const ports = declaredPorts(container, doc);
      if (canonicalProbe(liveness, doc, ports) !== canonicalProbe(readiness, doc, ports)) continue;
      const subject = describeContainer(container, ctx.object);
      ctx.report({
        node: findPair(container.map, 'livenessProbe', doc)?.key as never ?? liveness,
        container,
        message: `The livenessProbe and readinessProbe of ${subject[0].toLowerCase()}${subject.slice(1)} are identical: when the check fails under load or on a slow dependency, every pod is restarted at once instead of being taken out of the Service.`,
      });
    }
  },
};
