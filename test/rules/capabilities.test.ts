import { capabilities } from '../../server/src/rules/capabilities';
import { ruleTester } from '../helpers/ruleTester';

const C = `it keeps the runtime's defaults such as NET_RAW, to spoof traffic of other pods, and CHOWN and SETUID, to take over files.`;

ruleTester.run(capabilities, {
  valid: [
    {
      name: "drop ALL (any case) and add back only a harmless one",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: init:1
          securityContext: {capabilities: {drop: [all]}}
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            capabilities:
              drop: ["ALL"]
              add: [NET_BIND_SERVICE]
`,
    },
    {
      name: "dropping every default capability one by one equals ALL",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities:
        drop: [CAP_CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE]
`,
    },
    {
      name: "anchors and aliases",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: a
    image: a:1
    securityContext:
      capabilities: &none
        drop: [ALL]
  - name: b
    image: b:1
    securityContext:
      capabilities: *none
`,
    },
  ],
  invalid: [
    {
      name: "no capabilities: drop ALL is added",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ capabilities: Container "web" of Deployment "shop" does not drop all capabilities (capabilities.drop: [ALL]): ${C}
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true # set by the platform team
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true # set by the platform team
            capabilities:
              drop:
                - ALL
`,
      fixes: {
        "Drop all capabilities": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true # set by the platform team
            capabilities:
              drop:
                - ALL
`,
        "Apply restricted security context": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true # set by the platform team
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
`,
      },
    },
    {
      name: "a partial drop list gets ALL appended; dangerous adds are reported without a fix",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: net
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            capabilities:
              drop:
                - NET_RAW
#               ^^^^^^^^^ capabilities: Container "agent" of DaemonSet "net" drops some capabilities but not ALL (capabilities.drop: [ALL]): it keeps the runtime's defaults CHOWN, DAC_OVERRIDE, FSETID ..., which a compromised process uses against files and other pods.
              add:
                - NET_ADMIN
#                 ^^^^^^^^^ capabilities: Container "agent" of DaemonSet "net" adds capability NET_ADMIN, which lets a compromised process reconfigure interfaces, routes and iptables rules of the pod (of the node with hostNetwork).
                - cap_sys_admin
#                 ^^^^^^^^^^^^^ capabilities: Container "agent" of DaemonSet "net" adds capability SYS_ADMIN, which lets a compromised process mount filesystems, enter namespaces and load BPF programs, the classic way out of a container.
`,
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: net
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            capabilities:
              drop:
                - NET_RAW
                - ALL
              add:
                - NET_ADMIN
                - cap_sys_admin
`,
    },
    {
      name: "multi-document with dont-fire; flow style CronJob with an init container",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
    securityContext: {capabilities: {drop: [ALL]}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {capabilities: {add: [NET_RAW]}}}]
#                                 ^^^^^ capabilities: Init container "fetch" of CronJob "nightly" does not drop all capabilities (capabilities.drop: [ALL]): ${C}
#                                                                                                  ^^^^^^^ capabilities: Init container "fetch" of CronJob "nightly" adds capability NET_RAW, which lets a compromised process craft raw packets to spoof traffic and poison ARP or DNS for other pods on the node.
          containers: [{name: job, image: "busybox:1.36", securityContext: {capabilities: {drop: [NET_RAW]}}}]
#                                                                                                ^^^^^^^^^ capabilities: Container "job" of CronJob "nightly" drops some capabilities but not ALL (capabilities.drop: [ALL]): it keeps the runtime's defaults CHOWN, DAC_OVERRIDE, FSETID ..., which a compromised process uses against files and other pods.
          restartPolicy: OnFailure`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
    securityContext: {capabilities: {drop: [ALL]}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {capabilities: {add: [NET_RAW], drop: [ALL]}}}]
          containers: [{name: job, image: "busybox:1.36", securityContext: {capabilities: {drop: [NET_RAW, ALL]}}}]
          restartPolicy: OnFailure`,
    },
    {
      name: "4-space indentation, sequences not indented, add: [ALL]",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        spec:
            containers:
            - name: db
#                   ^^ capabilities: Container "db" of StatefulSet "db" does not drop all capabilities (capabilities.drop: [ALL]): ${C}
              image: postgres:16
              securityContext:
                  capabilities:
                      add:
                      - ALL
#                       ^^^ capabilities: Container "db" of StatefulSet "db" adds capability ALL, which lets a compromised process do anything a capability allows, which is root on the node in all but name.
`,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        spec:
            containers:
            - name: db
              image: postgres:16
              securityContext:
                  capabilities:
                      add:
                      - ALL
                      drop:
                      - ALL
`,
    },
    {
      name: "CRLF, empty drop list",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ capabilities: Container \"app\" of Pod \"p\" does not drop all capabilities (capabilities.drop: [ALL]): it keeps the runtime's defaults such as NET_RAW, to spoof traffic of other pods, and CHOWN and SETUID, to take over files.\n    image: app:1\r\n    securityContext:\r\n      capabilities:\r\n        drop: []\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n    securityContext:\r\n      capabilities:\r\n        drop: [ALL]\r\n",
    },
  ],
});
