import { readOnlyRootFs } from '../../server/src/rules/read-only-root-fs';
import { ruleTester } from '../helpers/ruleTester';

const C = `an attacker can drop tools into it and rewrite the app's own binaries and configuration while it runs.`;

ruleTester.run(readOnlyRootFs, {
  valid: [
    {
      name: "every container sets it, through an alias too",
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
          securityContext: &ro {readOnlyRootFilesystem: true}
      containers:
        - name: web
          image: nginx:1.27
          securityContext: *ro
      volumes:
        - name: tmp
          emptyDir: {}
`,
    },
    {
      name: "a pod-level value does not exist in Kubernetes, but a Windows pod is skipped",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
    image: app:1
`,
    },
  ],
  invalid: [
    {
      name: "unset, block style with a comment after the container",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ read-only-root-fs: Container "web" of Deployment "shop" has a writable root filesystem (readOnlyRootFilesystem is not true): ${C}
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true
        # a sidecar will follow
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
            runAsNonRoot: true
            readOnlyRootFilesystem: true
        # a sidecar will follow
`,
      fixes: {
        "Set readOnlyRootFilesystem: true": `apiVersion: apps/v1
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
            readOnlyRootFilesystem: true
        # a sidecar will follow
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
        # a sidecar will follow
`,
      },
    },
    {
      name: "explicit false is replaced; multi-document with dont-fire beside",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
    securityContext: {readOnlyRootFilesystem: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: writable
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      readOnlyRootFilesystem: false
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ read-only-root-fs: Container "app" of Pod "writable" sets readOnlyRootFilesystem to false instead of true: ${C}
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
    securityContext: {readOnlyRootFilesystem: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: writable
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      readOnlyRootFilesystem: true
`,
    },
    {
      name: "flow style, CronJob, init container, empty securityContext",
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
#                                 ^^^^^ read-only-root-fs: Init container "fetch" of CronJob "nightly" has a writable root filesystem (readOnlyRootFilesystem is not true): ${C}
          containers: [{name: job, image: "busybox:1.36"}]
#                             ^^^ read-only-root-fs: Container "job" of CronJob "nightly" has a writable root filesystem (readOnlyRootFilesystem is not true): ${C}
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
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {readOnlyRootFilesystem: true}}]
          containers: [{name: job, image: "busybox:1.36", securityContext: {readOnlyRootFilesystem: true}}]
          restartPolicy: OnFailure`,
    },
    {
      name: "4-space indentation, sequences not indented",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        spec:
            containers:
            - name: db
#                   ^^ read-only-root-fs: Container "db" of StatefulSet "db" has a writable root filesystem (readOnlyRootFilesystem is not true): ${C}
              image: postgres:16
              volumeMounts:
              - name: data
                mountPath: /var/lib/postgresql/data
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
              volumeMounts:
              - name: data
                mountPath: /var/lib/postgresql/data
              securityContext:
                  readOnlyRootFilesystem: true
`,
    },
    {
      name: "CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ read-only-root-fs: Container \"app\" of Pod \"p\" has a writable root filesystem (readOnlyRootFilesystem is not true): an attacker can drop tools into it and rewrite the app's own binaries and configuration while it runs.\n    image: app:1\r\n    securityContext:\r\n      runAsNonRoot: true\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n    securityContext:\r\n      runAsNonRoot: true\r\n      readOnlyRootFilesystem: true\r\n",
    },
  ],
});
