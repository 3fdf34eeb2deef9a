// Shared wording, so every message names its object and container the same way.
import { K8sObject } from '../../model/manifest';
import { AnalysisMemo } from '../../model/memo';
import { ContainerView } from '../../model/workloads';

// Memoized for the analysis: most rules name the same object and containers, and every finding keeps its
// message, so one string per object or container (that the messages share) rather than one per rule.
const objectNames = new AnalysisMemo<K8sObject, string>();
const containerNames = new AnalysisMemo<ContainerView, string>();

export function describeObject(object: K8sObject): string {
  return objectNames.get(object, objectName);
}

function objectName(object: K8sObject): string {
  return object.name ? `${object.kind} "${object.name}"` : `this ${object.kind}`;
}

export function describeContainer(container: ContainerView, object: K8sObject): string {
  return containerNames.get(container, containerName, object);
}

function containerName(container: ContainerView, object: K8sObject): string {
  const kind = container.init ? 'Init container' : 'Container';
  const name = container.name ? `"${container.name}"` : `#${container.index + 1}`;
  return `${kind} ${name} of ${describeObject(object)}`;
}

/** The node a container finding points at: its name, else the container map itself. */
export function containerAnchor(container: ContainerView) {
  return container.nameNode ?? container.map;
}
