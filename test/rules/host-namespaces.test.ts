import { hostNamespaces } from '../../server/src/rules/host-namespaces';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(hostNamespaces, {
  valid: [
    {
      name: "false or unset",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      hostNetwork: false
      hostPID: false
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: "a quoted \"true\" is not a boolean (the API server rejects it)",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: odd
spec:
  hostIPC: "true"
  containers:
  - name: app
    image: app:1
`,
    },
  ],
  invalid: [
    {
      name: "each shared namespace is its own finding, multi-document with dont-fire",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  template:
    spec:
      hostNetwork: true # scrapes node ports
#     ^^^^^^^^^^^^^^^^^ host-namespaces: DaemonSet "node-agent" shares the node's network namespace (hostNetwork: true): its containers see all traffic of the node, reach services bound to the node's localhost (the kubelet among them) and bypass NetworkPolicies.
      hostPID: true
#     ^^^^^^^^^^^^^ host-namespaces: DaemonSet "node-agent" shares the node's process namespace (hostPID: true): its containers see every process of the node, read their environment and command lines (secrets included) and can signal or trace them.
      hostIPC: true
#     ^^^^^^^^^^^^^ host-namespaces: DaemonSet "node-agent" shares the node's IPC namespace (hostIPC: true): its containers read and write the shared memory and message queues of every process on the node.
      containers:
        - name: agent
          image: agent:3
`,
    },
    {
      name: "flow style CronJob, 4-space indentation, anchors",
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
    name: nightly
spec:
    schedule: "0 3 * * *"
    jobTemplate:
        spec:
            template:
                spec: {hostNetwork: &yes true, hostPID: *yes, containers: [{name: job, image: "busybox:1.36"}], restartPolicy: Never}
#                      ^^^^^^^^^^^^^^^^^^^^^^ host-namespaces: CronJob "nightly" shares the node's network namespace (hostNetwork: true): its containers see all traffic of the node, reach services bound to the node's localhost (the kubelet among them) and bypass NetworkPolicies.
#                                              ^^^^^^^^^^^^^ host-namespaces: CronJob "nightly" shares the node's process namespace (hostPID: true): its containers see every process of the node, read their environment and command lines (secrets included) and can signal or trace them.
`,
    },
    {
      name: "a bare Pod, CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  hostPID: true\r\n# ^^^^^^^^^^^^^ host-namespaces: Pod \"p\" shares the node's process namespace (hostPID: true): its containers see every process of the node, read their environment and command lines (secrets included) and can signal or trace them.\n  containers:\r\n  - name: app\r\n    image: app:1\r\n",
    },
  ],
});
