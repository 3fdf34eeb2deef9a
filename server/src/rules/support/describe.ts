// Shared wording, so every message names its object and container the same way.
import { K8sObject } from '../../model/manifest';
import { ContainerView } from '../../model/workloads';

export function describeObject(object: K8sObject): string {
  return object.name ? `${object.kind} "${object.name}"` : `this ${object.kind}`;
}

export function describeContainer(container: ContainerView, object: K8sObject): string {
  const kind = container.init ? 'Init container' : 'Container';
  const name = container.name ? `"${container.name}"` : `#${container.index + 1}`;
  return `${kind} ${name} of ${describeObject(object)}`;
}

/** The node a container finding points at: its name, else the container map itself. */
export function containerAnchor(container: ContainerView) {
  return container.nameNode ?? container.map;
}
