import { getMap, getString } from '../model/nodes';
import { namespaceLabel } from '../analysis/workspace';
import { describeObject } from './support/describe';
import { describeServicePort, IngressBackend, ingressBackends, ServicePort, servicePorts } from './support/networking';
import { FixSpec, Rule } from './types';

export const ingressBackend: Rule = {
  meta: {
    id: 'ingress-backend', checklist: 'networking', severity: 'warning', kinds: ['Ingress'], fixable: true, crossResource: true,
    title: 'Ingress backends name existing Services and ports',
    whenItFails: 'The ingress controller has nowhere to send the requests of that path and answers 503 (or 404 from its default backend).',
    remediation: 'Point the backend at a Service in the Ingress\'s namespace, and at a port number or port name that Service exposes.',
  },
  check(ctx) {
    const where = namespaceLabel(ctx.object.namespace);
    const subject = describeObject(ctx.object);
    const services = ctx.workspace.inNamespaceOf(ctx.object, 'Service');
    for (const backend of ingressBackends(ctx.object)) {
      const service = services.find(s => s.name === backend.serviceName);
      if (!service) {
        ctx.report({
          node: backend.nameNode,
          message: `${subject} routes to Service "${backend.serviceName}", but no Service "${backend.serviceName}" in ${where} is in the workspace: requests for this backend get 503 from the ingress controller.`,
        });
        continue;
      }
      const port = backend.port;
      if (!port) continue;
      if (getString(getMap(service.map, 'spec', service.doc), 'type', service.doc) === 'ExternalName') continue;
      const ports = servicePorts(service);
      const exposed = port.kind === 'number' ? ports.some(p => p.port === port.value) : ports.some(p => p.name === port.value);
      if (exposed) continue;
      const asked = port.kind === 'number' ? `port ${port.value}` : `a port named "${port.value}"`;
      const has = ports.length ? `it exposes ${ports.map(describeServicePort).join(', ')}` : 'it exposes no ports';
      ctx.report({
        node: port.node,
        message: `${subject} routes to ${asked} of Service "${backend.serviceName}", which does not expose it (${has}): requests for this backend get 503 from the ingress controller.`,
        fixes: singlePortFix(backend, ports),
      });
    }
  },
};

/** When the Service exposes exactly one port, point the backend at it (same form: number for number, name for name). */
function singlePortFix(backend: IngressBackend, ports: ServicePort[]): FixSpec[] {
  if (ports.length !== 1 || !backend.port) return [];
  const only = ports[0];
  const node = backend.port.node;
  if (backend.port.kind === 'number' && only.port !== undefined) {
    return [{ title: `Set backend port to ${only.port}`, preferred: true, edit: b => b.replace(node, String(only.port)) }];
  }
  if (backend.port.kind === 'name' && only.name && /^[a-z0-9-]+$/.test(only.name) && /[a-z]/.test(only.name)) {
    return [{ title: `Set backend port to ${only.name}`, preferred: true, edit: b => b.replace(node, only.name!) }];
  }
  return [];
}
