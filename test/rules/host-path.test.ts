import { hostPath } from '../../server/src/rules/host-path';
import { ruleTester, runRule } from '../helpers/ruleTester';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, mergeSettings } from '../../server/src/analysis/settings';

ruleTester.run(hostPath, {
  valid: [
    {
      name: "emptyDir, PVC, ConfigMap volumes",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
      volumes:
        - name: tmp
          emptyDir: {}
        - name: data
          persistentVolumeClaim: {claimName: data}
        - name: conf
          configMap: {name: web}
`,
    },
  ],
  invalid: [
    {
      name: "runtime sockets and sensitive directories are errors, other paths warnings",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: collector
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
#                 ^^^^^^^^^^^^^^^^^^^^ host-path: Volume "docker" of DaemonSet "collector" mounts the container runtime socket /var/run/docker.sock from the node: whoever controls the pod can start privileged containers and controls every container on the node.
            type: Socket
        - name: containerd
          hostPath: {path: /run/containerd/containerd.sock}
#                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ host-path: Volume "containerd" of DaemonSet "collector" mounts the container runtime socket /run/containerd/containerd.sock from the node: whoever controls the pod can start privileged containers and controls every container on the node.
        - name: root
          hostPath:
            path: /
#                 ^ host-path: Volume "root" of DaemonSet "collector" mounts / from the node, the node's whole filesystem: a compromised container takes over the node.
        - name: etc
          hostPath:
            path: /etc/ # trailing slash
#                 ^^^^^ host-path: Volume "etc" of DaemonSet "collector" mounts /etc/ from the node, the node's configuration (kubelet credentials, users, certificates): a compromised container takes over the node.
        - name: proc
          hostPath:
            path: /proc
#                 ^^^^^ host-path: Volume "proc" of DaemonSet "collector" mounts /proc from the node, the kernel's view of every process on the node: a compromised container takes over the node.
        - name: run
          hostPath:
            path: /var//run
#                 ^^^^^^^^^ host-path: Volume "run" of DaemonSet "collector" mounts /var//run from the node, the node's runtime sockets (the container runtime among them): a compromised container takes over the node.
        - name: logs
          hostPath:
            path: /var/log/pods
#                 ^^^^^^^^^^^^^ host-path: Volume "logs" of DaemonSet "collector" mounts the host path /var/log/pods: the pod's data is tied to one node and a compromised container can read or change the node's files there.
        - name: tz
          hostPath:
            path: /etc/localtime
#                 ^^^^^^^^^^^^^^ host-path: Volume "tz" of DaemonSet "collector" mounts the host path /etc/localtime: the pod's data is tied to one node and a compromised container can read or change the node's files there.
`,
    },
    {
      name: "multi-document with dont-fire, CronJob, 4-space indentation, anchors",
      code: `apiVersion: v1
kind: Pod
metadata:
    name: dont-fire
spec:
    containers:
    - name: app
      image: app:1
---
apiVersion: batch/v1
kind: CronJob
metadata:
    name: cleanup
spec:
    schedule: "0 * * * *"
    jobTemplate:
        spec:
            template:
                spec:
                    containers:
                    - name: job
                      image: busybox:1.36
                    volumes:
                    - name: cache
                      hostPath: &cache
                          path: /var/cache/app
#                               ^^^^^^^^^^^^^^ host-path: Volume "cache" of CronJob "cleanup" mounts the host path /var/cache/app: the pod's data is tied to one node and a compromised container can read or change the node's files there.
                    - name: cache-again
                      hostPath: *cache
#                               ^^^^^^ host-path: Volume "cache-again" of CronJob "cleanup" mounts the host path /var/cache/app: the pod's data is tied to one node and a compromised container can read or change the node's files there.
                    restartPolicy: Never
`,
    },
    {
      name: "CRI-O socket in a bare Pod, CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n  volumes:\r\n  - name: crio\r\n    hostPath:\r\n      path: /var/run/crio/crio.sock\r\n#           ^^^^^^^^^^^^^^^^^^^^^^^ host-path: Volume \"crio\" of Pod \"p\" mounts the container runtime socket /var/run/crio/crio.sock from the node: whoever controls the pod can start privileged containers and controls every container on the node.\n",
    },
  ],
});

describe('host-path severity', () => {
  it('is an error for the runtime socket and sensitive node directories, a warning otherwise', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: app:1
  volumes:
  - {name: sock, hostPath: {path: /run/docker.sock}}
  - {name: etc, hostPath: {path: /etc}}
  - {name: kubelet, hostPath: {path: /var/lib/kubelet/}}
  - {name: data, hostPath: {path: /srv/data}}
`;
    const { findings } = runRule(hostPath, 'p.yaml', text, defaultSettings());
    assert.deepEqual(findings.map(f => f.severity), ['error', 'error', 'error', 'warning']);
  });

  it('a configured level applies to every finding', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: a:1}]\n  volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]\n';
    const { findings } = runRule(hostPath, 'p.yaml', text, mergeSettings(defaultSettings(), { rules: { 'host-path': 'info' } }));
    assert.deepEqual(findings.map(f => f.severity), ['info']);
  });
});
