import { privilegeEscalation } from '../../server/src/rules/privilege-escalation';
import { ruleTester } from '../helpers/ruleTester';

const C = `a setuid binary or file capability in the image lets a compromised process gain privileges the container was never given.`;

ruleTester.run(privilegeEscalation, {
  valid: [
    {
      name: "every container, init containers too, sets it to false",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: app:1.0
          securityContext: {allowPrivilegeEscalation: false}
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            allowPrivilegeEscalation: false
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
    securityContext: &hardened
      allowPrivilegeEscalation: false
  - name: b
    image: b:1
    securityContext: *hardened
`,
    },
    {
      name: "a Windows pod",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
    - name: app
      image: app:1
`,
    },
  ],
  invalid: [
    {
      name: "unset: the key is added to the container securityContext (created when absent)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ privilege-escalation: Container "web" of Deployment "shop" does not set allowPrivilegeEscalation: false: ${C}
          image: nginx:1.27
          # no securityContext yet
        - name: sidecar
#               ^^^^^^^ privilege-escalation: Container "sidecar" of Deployment "shop" does not set allowPrivilegeEscalation: false: ${C}
          image: envoy:1.30
          securityContext:
            runAsNonRoot: true
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
            allowPrivilegeEscalation: false
          # no securityContext yet
        - name: sidecar
          image: envoy:1.30
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
`,
      fixes: {
        "Set allowPrivilegeEscalation: false": `apiVersion: apps/v1
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
            allowPrivilegeEscalation: false
          # no securityContext yet
        - name: sidecar
          image: envoy:1.30
          securityContext:
            runAsNonRoot: true
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
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
          # no securityContext yet
        - name: sidecar
          image: envoy:1.30
          securityContext:
            runAsNonRoot: true
`,
      },
    },
    {
      name: "explicit true is replaced, multi-document with dont-fire beside",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext: {allowPrivilegeEscalation: false}
---
apiVersion: v1
kind: Pod
metadata:
  name: escalates
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext:
      allowPrivilegeEscalation: true # needed by sudo
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ privilege-escalation: Container "app" of Pod "escalates" sets allowPrivilegeEscalation to true instead of false: ${C}
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext: {allowPrivilegeEscalation: false}
---
apiVersion: v1
kind: Pod
metadata:
  name: escalates
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext:
      allowPrivilegeEscalation: false # needed by sudo
`,
    },
    {
      name: "privileged and SYS_ADMIN always allow escalation; setting false there is rejected, so no fix",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: priv
          image: agent:3
          securityContext:
            privileged: true
#           ^^^^^^^^^^^^^^^^ privilege-escalation: Container "priv" of DaemonSet "agent" is privileged, which always allows privilege escalation: ${C}
            allowPrivilegeEscalation: false
        - name: admin
          image: agent:3
          securityContext:
            capabilities:
              add: [SYS_ADMIN]
#                   ^^^^^^^^^ privilege-escalation: Container "admin" of DaemonSet "agent" adds SYS_ADMIN, which always allows privilege escalation: ${C}
`,
    },
    {
      name: "flow style CronJob with an init container",
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {}}]
#                                 ^^^^^ privilege-escalation: Init container "fetch" of CronJob "nightly" does not set allowPrivilegeEscalation: false: ${C}
          containers: [{name: job, image: "busybox:1.36", securityContext: {runAsNonRoot: true}}]
#                             ^^^ privilege-escalation: Container "job" of CronJob "nightly" does not set allowPrivilegeEscalation: false: ${C}
          restartPolicy: OnFailure`,
      output: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {allowPrivilegeEscalation: false}}]
          containers: [{name: job, image: "busybox:1.36", securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}}]
          restartPolicy: OnFailure`,
    },
    {
      name: "4-space indentation, sequences not indented, comment after the block",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        spec:
            containers:
            - name: db
#                   ^^ privilege-escalation: Container "db" of StatefulSet "db" does not set allowPrivilegeEscalation: false: ${C}
              image: postgres:16
              securityContext:
                  readOnlyRootFilesystem: true
                  # keep the root filesystem read-only
            volumes: []
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
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  # keep the root filesystem read-only
            volumes: []
`,
    },
    {
      name: "CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ privilege-escalation: Container \"app\" of Pod \"p\" does not set allowPrivilegeEscalation: false: a setuid binary or file capability in the image lets a compromised process gain privileges the container was never given.\n    image: app:1\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n    securityContext:\r\n      allowPrivilegeEscalation: false\r\n",
    },
  ],
});
