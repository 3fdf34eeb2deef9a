import { isAlias, isMap, isScalar } from 'yaml';
import { findPair, getMap, getSeq, getString, resolve, seqItems } from '../model/nodes';
import { WORKLOAD_KINDS } from '../model/workloads';
import { describeObject } from './support/describe';
import { Rule } from './types';

/** Sockets that control the container runtime: mounting one is root on the node. */
const RUNTIME_SOCKETS = new Set([
  '/var/run/docker.sock', '/run/docker.sock',
  '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
  '/var/run/dockershim.sock', '/run/dockershim.sock',
  '/var/run/podman/podman.sock', '/run/podman/podman.sock',
  '/var/run/containerd', '/run/containerd', '/var/run/crio', '/run/crio',
]);

/** Node directories whose exposure hands over the node: its root, configuration, kernel views and runtime state. */
const SENSITIVE_DIRS: Record<string, string> = {
  '/': 'the node\'s whole filesystem',
  '/etc': 'the node\'s configuration (kubelet credentials, users, certificates)',
  '/proc': 'the kernel\'s view of every process on the node',
  '/sys': 'the kernel\'s device and control files',
  '/dev': 'every device of the node',
  '/boot': 'the node\'s kernel and boot loader',
  '/root': 'the home directory of the node\'s root user',
  '/var/run': 'the node\'s runtime sockets (the container runtime among them)',
  '/run': 'the node\'s runtime sockets (the container runtime among them)',
  '/var/lib/kubelet': 'the kubelet\'s state, with the secrets and tokens of every pod on the node',
  '/var/lib/docker': 'the container runtime\'s state, with the filesystems of every container on the node',
  '/var/lib/containerd': 'the container runtime\'s state, with the filesystems of every container on the node',
};

/** `/var//run/./` -> `/var/run`. Relative paths stay as they are. */
export function normalizeHostPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return absolute ? `/${parts.join('/')}` : parts.join('/');
}

export const hostPath: Rule = {
  meta: {
    id: 'host-path', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: false,
    title: 'Pods do not mount directories of the node',
    whenItFails: 'A hostPath volume ties the pod to one node and lets a compromised container read or change the node\'s files; the runtime socket or /etc hands over the node outright.',
    remediation: 'Replace hostPath volumes with a PersistentVolumeClaim, a ConfigMap/Secret or an emptyDir; where a node agent truly needs one, mount the narrowest path with readOnly: true.',
  },
  check(ctx) {
    const pod = ctx.pod();
    if (!pod) return;
    const owner = describeObject(ctx.object);
    for (const volume of seqItems(getSeq(pod.spec, 'volumes', ctx.doc), ctx.doc)) {
      if (!isMap(volume)) continue;
      const hostPathMap = getMap(volume, 'hostPath', ctx.doc);
      if (!hostPathMap) continue;
      const pathPair = findPair(hostPathMap, 'path', ctx.doc);
      const pathNode = pathPair ? resolve(pathPair.value, ctx.doc) : undefined;
      const raw = isScalar(pathNode) && pathNode.value !== null ? String(pathNode.value) : undefined;
      const name = getString(volume, 'name', ctx.doc);
      const label = name ? `Volume "${name}" of ${owner}` : `A volume of ${owner}`;
      // An aliased hostPath is reported where it is used, not at its anchor.
      const hostPair = findPair(volume, 'hostPath', ctx.doc);
      const node = hostPair && isAlias(hostPair.value) ? hostPair.value : pathNode ?? hostPair;
      if (raw === undefined) continue;
      const path = normalizeHostPath(raw);
      if (RUNTIME_SOCKETS.has(path)) {
        ctx.report({
          node,
          severity: 'error',
          message: `${label} mounts the container runtime ${path.endsWith('.sock') ? 'socket' : 'socket directory'} ${raw} from the node: whoever controls the pod can start privileged containers and controls every container on the node.`,
        });
      } else if (SENSITIVE_DIRS[path]) {
        ctx.report({
          node,
          severity: 'error',
          message: `${label} mounts ${raw} from the node, ${SENSITIVE_DIRS[path]}: a compromised container takes over the node.`,
        });
      } else {
        ctx.report({
          node,
          message: `${label} mounts the host path ${raw}: the pod's data is tied to one node and a compromised container can read or change the node's files there.`,
        });
      }
    }
  },
};
