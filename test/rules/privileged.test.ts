import { privileged } from '../../server/src/rules/privileged';
import { ruleTester } from '../helpers/ruleTester';

const C = `it has every capability and every device of the node, so escaping to the node is trivial.`;

ruleTester.run(privileged, {
  valid: [
    {
      name: "privileged: false or unset",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: a
          image: a:1
          securityContext:
            privileged: false
        - name: b
          image: b:1
`,
    },
    {
      name: "a ConfigMap that mentions privileged",
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  privileged: "true"
`,
    },
  ],
  invalid: [
    {
      name: "an OpenShift SecurityContextConstraints that allows privileged containers, beside one that does not",
      code: `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: dont-fire
allowPrivilegedContainer: false
---
apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: anything-goes
allowPrivilegedContainer: true
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ privileged: SecurityContextConstraints "anything-goes" allows privileged containers (allowPrivilegedContainer: true): every pod admitted under it may run privileged and take over its node.
allowHostNetwork: true
`,
    },
    {
      name: "the pair is removed and the rest of the securityContext kept",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            privileged: true # needs /dev
#           ^^^^^^^^^^^^^^^^ privileged: Container "agent" of DaemonSet "agent" runs privileged (privileged: true): ${C}
            runAsNonRoot: true
`,
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            runAsNonRoot: true
`,
      fixes: {
        "Remove privileged: true": `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            runAsNonRoot: true
`,
        "Apply restricted security context": `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:3
          securityContext:
            privileged: false # needs /dev
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
      name: "the only key: the whole securityContext goes, multi-document with dont-fire",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
  - name: shell
    image: busybox:1.36
    securityContext:
      privileged: true
#     ^^^^^^^^^^^^^^^^ privileged: Container "shell" of Pod "debug" runs privileged (privileged: true): ${C}
    command: [sleep, infinity]
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
  - name: shell
    image: busybox:1.36
    command: [sleep, infinity]
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
          initContainers: [{name: sysctl, image: "busybox:1.36", securityContext: {privileged: true}}]
#                                                                                  ^^^^^^^^^^^^^^^^ privileged: Init container "sysctl" of CronJob "nightly" runs privileged (privileged: true): ${C}
          containers: [{name: job, image: "busybox:1.36", securityContext: {runAsNonRoot: true, privileged: true}}]
#                                                                                               ^^^^^^^^^^^^^^^^ privileged: Container "job" of CronJob "nightly" runs privileged (privileged: true): ${C}
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
          initContainers: [{name: sysctl, image: "busybox:1.36", securityContext: {}}]
          containers: [{name: job, image: "busybox:1.36", securityContext: {runAsNonRoot: true}}]
          restartPolicy: OnFailure`,
      fixes: {
        "Apply restricted security context": `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: sysctl, image: "busybox:1.36", securityContext: {privileged: true}}]
          containers: [{name: job, image: "busybox:1.36", securityContext: {runAsNonRoot: true, privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}}]
          restartPolicy: OnFailure`,
      },
    },
    {
      name: "a securityContext that opens the container item: its value becomes false instead of deleting the \"- \" line",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - securityContext:
      privileged: true
#     ^^^^^^^^^^^^^^^^ privileged: Container "app" of Pod "p" runs privileged (privileged: true): ${C}
    name: app
    image: app:1
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - securityContext:
      privileged: false
    name: app
    image: app:1
`,
    },
    {
      name: "an anchored securityContext shared by two containers: fixed once, for both",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shared
spec:
  template:
    spec:
      containers:
        - name: a
          image: a:1
          securityContext: &sc
            privileged: true
#           ^^^^^^^^^^^^^^^^ privileged: Container "a" of Deployment "shared" runs privileged (privileged: true): ${C}
#           ^^^^^^^^^^^^^^^^ privileged: Container "b" of Deployment "shared" runs privileged (privileged: true): ${C}
        - name: b
          image: b:1
          securityContext: *sc
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shared
spec:
  template:
    spec:
      containers:
        - name: a
          image: a:1
          securityContext: &sc
            privileged: false
        - name: b
          image: b:1
          securityContext: *sc
`,
    },
    {
      name: "4-space indentation, sequences not indented, CRLF",
      code: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n    name: d\r\nspec:\r\n    template:\r\n        spec:\r\n            containers:\r\n            - name: app\r\n              image: app:1\r\n              securityContext:\r\n                  privileged: true\r\n#                 ^^^^^^^^^^^^^^^^ privileged: Container \"app\" of Deployment \"d\" runs privileged (privileged: true): it has every capability and every device of the node, so escaping to the node is trivial.\n                  readOnlyRootFilesystem: true\r\n",
      output: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n    name: d\r\nspec:\r\n    template:\r\n        spec:\r\n            containers:\r\n            - name: app\r\n              image: app:1\r\n              securityContext:\r\n                  readOnlyRootFilesystem: true\r\n",
      fixes: {
        "Apply restricted security context": "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n    name: d\r\nspec:\r\n    template:\r\n        spec:\r\n            containers:\r\n            - name: app\r\n              image: app:1\r\n              securityContext:\r\n                  privileged: false\r\n                  readOnlyRootFilesystem: true\r\n                  runAsNonRoot: true\r\n                  allowPrivilegeEscalation: false\r\n                  capabilities:\r\n                      drop:\r\n                      - ALL\r\n                  seccompProfile:\r\n                      type: RuntimeDefault\r\n",
      },
    },
  ],
});
