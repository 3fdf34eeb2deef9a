import { runAsNonRoot } from '../../server/src/rules/run-as-non-root';
import { ruleTester } from '../helpers/ruleTester';

const C = `whoever breaks into the app is root in the container, one kernel or runtime bug away from root on the node.`;

ruleTester.run(runAsNonRoot, {
  valid: [
    {
      name: "pod-level runAsNonRoot covers every container, init containers too",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: migrate
          image: app:1.0
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: "a non-zero runAsUser is not root, whatever the image says",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext:
      runAsUser: 10001
`,
    },
    {
      name: "container-level values, anchors and aliases",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: a
          image: a:1
          securityContext: &restricted
            runAsNonRoot: true
        - name: b
          image: b:1
          securityContext: *restricted
`,
    },
    {
      name: "a Windows pod has no runAsNonRoot to set",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`,
    },
    {
      name: "not a workload",
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: x
data:
  runAsUser: "0"
`,
    },
  ],
  invalid: [
    {
      name: "no securityContext: runAsNonRoot goes to a new pod-level securityContext",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ run-as-non-root: Container "web" of Deployment "shop" may run as root (runAsNonRoot is not true at pod or container level): ${C}
          image: nginx:1.27 # pinned
        - name: sidecar
#               ^^^^^^^ run-as-non-root: Container "sidecar" of Deployment "shop" may run as root (runAsNonRoot is not true at pod or container level): ${C}
          image: envoy:1.30
      # the pod spec ends here
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
          image: nginx:1.27 # pinned
        - name: sidecar
          image: envoy:1.30
      securityContext:
        runAsNonRoot: true
      # the pod spec ends here
`,
      fixes: {
        "Set runAsNonRoot: true": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27 # pinned
        - name: sidecar
          image: envoy:1.30
      securityContext:
        runAsNonRoot: true
      # the pod spec ends here
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
          image: nginx:1.27 # pinned
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
        - name: sidecar
          image: envoy:1.30
      # the pod spec ends here
`,
      },
    },
    {
      name: "pod-level runAsUser: 0 is replaced, multi-document with dont-fire beside",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: app
    image: app:1.0
---
apiVersion: v1
kind: Pod
metadata:
  name: root
spec:
  securityContext:
    runAsUser: 0   # from an old Dockerfile
#   ^^^^^^^^^^^^ run-as-non-root: Container "app" of Pod "root" runs as root (pod-level runAsUser: 0): ${C}
    fsGroup: 2000
  containers:
  - name: app
    image: app:1.0
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: app
    image: app:1.0
---
apiVersion: v1
kind: Pod
metadata:
  name: root
spec:
  securityContext:
    runAsNonRoot: true   # from an old Dockerfile
    fsGroup: 2000
  containers:
  - name: app
    image: app:1.0
`,
      fixes: {
        "Set runAsNonRoot: true (replaces runAsUser: 0)": `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: app
    image: app:1.0
---
apiVersion: v1
kind: Pod
metadata:
  name: root
spec:
  securityContext:
    runAsNonRoot: true   # from an old Dockerfile
    fsGroup: 2000
  containers:
  - name: app
    image: app:1.0
`,
      },
    },
    {
      name: "the container overrides the pod with runAsNonRoot: false: the fix goes where the value wins",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: api:2.1
          securityContext:
            runAsNonRoot: false
#           ^^^^^^^^^^^^^^^^^^^ run-as-non-root: Container "api" of Deployment "api" may run as root (runAsNonRoot is not true): ${C}
            readOnlyRootFilesystem: true
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: api:2.1
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
`,
    },
    {
      name: "container runAsUser: 0 beats a pod-level runAsNonRoot (the kubelet would refuse to start it)",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: agent
          image: agent:3
          securityContext:
            runAsUser: 0
#           ^^^^^^^^^^^^ run-as-non-root: Container "agent" of DaemonSet "agent" runs as root (runAsUser: 0): ${C}
            allowPrivilegeEscalation: false
`,
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: agent
          image: agent:3
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
`,
    },
    {
      name: "flow style, CronJob, init container",
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {fsGroup: 1000}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {runAsUser: 0}}]
#                                                                             ^^^^^^^^^^^^ run-as-non-root: Init container "fetch" of CronJob "nightly" runs as root (runAsUser: 0): ${C}
          containers: [{name: job, image: "busybox:1.36"}]
#                             ^^^ run-as-non-root: Container "job" of CronJob "nightly" may run as root (runAsNonRoot is not true at pod or container level): ${C}
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
          securityContext: {fsGroup: 1000, runAsNonRoot: true}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {runAsNonRoot: true}}]
          containers: [{name: job, image: "busybox:1.36"}]
          restartPolicy: OnFailure`,
      fixes: {
        "Set runAsNonRoot: true": `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {fsGroup: 1000, runAsNonRoot: true}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {runAsUser: 0}}]
          containers: [{name: job, image: "busybox:1.36"}]
          restartPolicy: OnFailure`,
        "Set runAsNonRoot: true (replaces runAsUser: 0)": `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {fsGroup: 1000}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {runAsNonRoot: true}}]
          containers: [{name: job, image: "busybox:1.36"}]
          restartPolicy: OnFailure`,
        "Apply restricted security context": `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {fsGroup: 1000}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {runAsUser: 0}}]
          containers: [{name: job, image: "busybox:1.36", securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}}]
          restartPolicy: OnFailure`,
      },
    },
    {
      name: "4-space indentation, sequences not indented",
      code: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
    name: legacy
spec:
    template:
        spec:
            containers:
            - name: app
#                   ^^^ run-as-non-root: Container "app" of ReplicaSet "legacy" may run as root (runAsNonRoot is not true at pod or container level): ${C}
              image: app:1.0
              ports:
              - containerPort: 8080
`,
      output: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
    name: legacy
spec:
    template:
        spec:
            containers:
            - name: app
              image: app:1.0
              ports:
              - containerPort: 8080
            securityContext:
                runAsNonRoot: true
`,
      fixes: {
        "Apply restricted security context": `apiVersion: apps/v1
kind: ReplicaSet
metadata:
    name: legacy
spec:
    template:
        spec:
            containers:
            - name: app
              image: app:1.0
              ports:
              - containerPort: 8080
              securityContext:
                  runAsNonRoot: true
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
      name: "CRLF line endings are kept",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ run-as-non-root: Container \"app\" of Pod \"p\" may run as root (runAsNonRoot is not true at pod or container level): whoever breaks into the app is root in the container, one kernel or runtime bug away from root on the node.\n    image: app:1\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n  securityContext:\r\n    runAsNonRoot: true\r\n",
    },
    {
      name: "runAsUser: 0 merged in with << cannot be edited in place: no fix",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: merged
spec:
  template:
    spec:
      containers:
        - name: app
          image: app:1
          securityContext:
            <<: {runAsUser: 0}
#                ^^^^^^^^^^^^ run-as-non-root: Container "app" of Deployment "merged" runs as root (runAsUser: 0): ${C}
            readOnlyRootFilesystem: true
`,
    },
  ],
});
