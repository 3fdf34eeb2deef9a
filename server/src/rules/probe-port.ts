import { LONG_RUNNING_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { declaredPorts, PROBE_KEYS, ProbeKey, probeOf, probePortOf, runningContainers } from './support/probes';
import { Rule } from './types';

/** What a probe that always fails does. */
const ALWAYS_FAILS: Record<ProbeKey, string> = {
  readinessProbe: 'the pod never becomes ready and never gets traffic',
  livenessProbe: 'the container is restarted again and again',
  startupProbe: 'the container is restarted again and again before it ever starts',
};

export const probePort: Rule = {
  meta: {
    id: 'probe-port', checklist: 'health', severity: 'error', kinds: LONG_RUNNING_KINDS, fixable: false,
    title: 'Probes check a port the container declares',
    whenItFails: 'The health check lies: it probes a port the app does not serve, so healthy pods fail it or broken pods pass it.',
    remediation: 'Point the probe at a port listed in the container\'s ports (by name or number), or declare the port the probe checks.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const doc = ctx.doc;
    const running = runningContainers(pod);
    const podTcpPorts = new Set(running.flatMap(c => declaredPorts(c, doc).filter(p => p.protocol === 'TCP').map(p => p.number)));
    for (const container of running) {
      const ports = declaredPorts(container, doc);
      for (const key of PROBE_KEYS) {
        const probe = probeOf(container, key, doc);
        const target = probe && probePortOf(probe, doc);
        if (!target) continue;
        const subject = describeContainer(container, ctx.object);
        const where = `The ${key} of ${subject[0].toLowerCase()}${subject.slice(1)}`;
        if (typeof target.value === 'string') {
          const declared = ports.find(p => p.name === target.value);
          if (!declared) {
            ctx.report({
              node: target.node,
              container,
              message: `${where} uses port "${target.value}", which the container does not declare: the kubelet cannot resolve the name, so ${ALWAYS_FAILS[key]}.`,
            });
          } else if (declared.protocol !== 'TCP') {
            ctx.report({
              node: target.node,
              container,
              message: `${where} uses port "${target.value}", a ${declared.protocol} port, but probes connect over TCP: ${ALWAYS_FAILS[key]}.`,
            });
          }
          continue;
        }
        // Ports are informational: a container that declares none may listen anywhere.
        if (!ports.length || podTcpPorts.has(target.value)) continue;
        const own = ports.filter(p => p.number !== undefined).map(p => (p.protocol === 'TCP' ? String(p.number) : `${p.number}/${p.protocol}`));
        ctx.report({
          node: target.node,
          container,
          message: `${where} checks port ${target.value}, which no container of the pod declares as a TCP port (the container declares ${own.join(', ') || 'none'}): it probes something other than the app, so it fails while the app is healthy or passes while it is down.`,
        });
      }
    }
  },
};
