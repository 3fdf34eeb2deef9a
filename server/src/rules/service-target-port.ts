import { Scalar } from 'yaml';
import { scalarText } from '../model/edits';
import { getString } from '../model/nodes';
import { describeObject } from './support/describe';
import { describeServicePort, namedPort, podPorts, SelectedWorkload, selectorOfService, servicePorts, workloadsWithLabels } from './support/networking';
import { FixSpec, Rule } from './types';

export const serviceTargetPort: Rule = {
  meta: {
    id: 'service-target-port', checklist: 'networking', severity: 'warning', kinds: ['Service'], fixable: true, crossResource: true,
    title: 'Named target ports exist on the selected pods',
    whenItFails: 'Pods without the named port get no endpoint for it, so connections to that Service port are refused even though the pods are Ready.',
    remediation: 'Set targetPort to the name (or number) of a port the selected containers declare, or declare a container port with that name.',
  },
  check(ctx) {
    const selector = selectorOfService(ctx.object);
    if (!selector) return;
    const selected = workloadsWithLabels(ctx.workspace, ctx.object, selector.labels);
    if (!selected.length) return; // service-selector reports it
    const subject = describeObject(ctx.object);
    for (const port of servicePorts(ctx.object)) {
      const name = namedPort(port.targetPort?.value);
      if (!name || !port.targetPort) continue;
      const protocol = getString(port.map, 'protocol', ctx.doc) || 'TCP';
      const declares = (w: SelectedWorkload) => podPorts(w.pod).some(p => p.name === name && p.protocol === protocol);
      const lacking = selected.filter(w => !declares(w));
      if (!lacking.length) continue;
      const portName = `a${protocol === 'TCP' ? '' : ` ${protocol}`} port named "${name}"`;
      const workloads = lacking.map(w => describeObject(w.object)).join(', ');
      const message = lacking.length === selected.length
        ? `${subject} sends port ${describeServicePort(port)} to targetPort "${name}", but no container of ${workloads} declares ${portName}: the Service has no endpoints for this port and connections are refused.`
        : `${subject} sends port ${describeServicePort(port)} to targetPort "${name}", but ${workloads}, which it also selects, declares no ${portName.slice(2)}: those pods get no traffic on this port.`;
      ctx.report({
        node: port.targetPort,
        message,
        fixes: lacking.length === selected.length ? retargetFix(port.targetPort, selected, protocol) : [],
      });
    }
  },
};

/** "Set targetPort to <port>" when every selected pod declares exactly one port of the protocol, the same one. */
function retargetFix(target: Scalar, selected: SelectedWorkload[], protocol: string): FixSpec[] {
  const candidates = new Set<string>();
  for (const w of selected) {
    const ports = podPorts(w.pod).filter(p => p.protocol === protocol && p.number !== undefined);
    if (ports.length !== 1) return [];
    candidates.add(ports[0].name ?? String(ports[0].number));
  }
  if (candidates.size !== 1) return [];
  const value = [...candidates][0];
  // The text is rendered when the fix is applied: rendering a string through `yaml` for every finding was
  // a good part of this rule's time, for fixes that are rarely applied.
  return [{ title: `Set targetPort to ${value}`, preferred: true, edit: b => b.replace(target, /^\d+$/.test(value) ? value : scalarText(value)) }];
}
