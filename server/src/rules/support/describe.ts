// Shared wording, so every message names its object and container the same way.
import { K8sObject } from '../../model/manifest';
import { ContainerView } from '../../model/workloads';

// Memoized: most rules name the same object and containers, and every finding keeps its message, so one
// string per object or container (that the messages share) rather than one per rule.
const objectNames = new WeakMap<K8sObject, string>();
const containerNames = new WeakMap<ContainerView, string>();

export function describeObject(object: K8sObject): string {
  let text = objectNames.get(object);
  if (text === undefined) {
    text = object.name ? `${object.kind} "${object.name}"` : `this ${object.kind}`;
    objectNames.set(object, text);
  }
  return text;
}

export function describeContainer(container: ContainerView, object: K8sObject): string {
  let text = containerNames.get(container);
  if (text === undefined) {
    const kind = container.init ? 'Init container' : 'Container';
    const name = container.name ? `"${container.name}"` : `#${container.index + 1}`;
    text = `${kind} ${name} of ${describeObject(object)}`;
    containerNames.set(container, text);
  }
  return text;
}

/** The node a container finding points at: its name, else the container map itself. */
export function containerAnchor(container: ContainerView) {
  return container.nameNode ?? container.map;
}
