import { seccomp } from '../../server/src/rules/seccomp';
import { ruleTester } from '../helpers/ruleTester';

const C = `every system call stays open, including the rarely used ones most kernel exploits and container escapes go through.`;

ruleTester.run(seccomp, {
  valid: [
    {
      name: "pod-level RuntimeDefault covers every container",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      securityContext:
        seccompProfile:
          type: RuntimeDefault
      initContainers:
        - name: init
          image: init:1
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: "container-level Localhost overrides a pod-level Unconfined",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  securityContext: {seccompProfile: {type: Unconfined}}
  containers:
  - name: app
    image: app:1
    securityContext:
      seccompProfile: &profile
        type: Localhost
        localhostProfile: profiles/app.json
  - name: b
    image: b:1
    securityContext:
      seccompProfile: *profile
`,
    },
  ],
  invalid: [
    {
      name: "nothing set: RuntimeDefault goes to the pod",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ seccomp: Container "web" of Deployment "shop" runs without a seccomp profile (no seccompProfile RuntimeDefault or Localhost at pod or container level): ${C}
          image: nginx:1.27
      securityContext:
        runAsNonRoot: true
      # end of pod spec
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
        seccompProfile:
          type: RuntimeDefault
      # end of pod spec
`,
      fixes: {
        "Set seccompProfile: RuntimeDefault": `apiVersion: apps/v1
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
        seccompProfile:
          type: RuntimeDefault
      # end of pod spec
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
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
      securityContext:
        runAsNonRoot: true
      # end of pod spec
`,
      },
    },
    {
      name: "a container Unconfined overrides the pod: fixed where it wins; multi-document with dont-fire",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  securityContext: {seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: app:1
---
apiVersion: v1
kind: Pod
metadata:
  name: unconfined
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    image: app:1
    securityContext:
      seccompProfile:
        type: Unconfined # strace needs it
#             ^^^^^^^^^^ seccomp: Container "app" of Pod "unconfined" uses the seccompProfile type Unconfined instead of RuntimeDefault or Localhost: ${C}
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  securityContext: {seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: app:1
---
apiVersion: v1
kind: Pod
metadata:
  name: unconfined
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    image: app:1
    securityContext:
      seccompProfile:
        type: RuntimeDefault # strace needs it
`,
    },
    {
      name: "pod-level Unconfined and a profile without type; flow style CronJob with an init container",
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {seccompProfile: {type: Unconfined}}
#                                                  ^^^^^^^^^^ seccomp: Container "job" of CronJob "nightly" uses the pod-level seccompProfile type Unconfined instead of RuntimeDefault or Localhost: ${C}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {seccompProfile: {}}}]
#                                                                             ^^^^^^^^^^^^^^^^^^ seccomp: Init container "fetch" of CronJob "nightly" has a seccompProfile without a type (RuntimeDefault or Localhost): ${C}
          containers: [{name: job, image: "busybox:1.36"}]
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
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          initContainers: [{name: fetch, image: "curl:8.8", securityContext: {seccompProfile: {type: RuntimeDefault}}}]
          containers: [{name: job, image: "busybox:1.36"}]
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
#                   ^^ seccomp: Container "db" of StatefulSet "db" runs without a seccomp profile (no seccompProfile RuntimeDefault or Localhost at pod or container level): ${C}
              image: postgres:16
            volumes:
            - name: data
              emptyDir: {}
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
            volumes:
            - name: data
              emptyDir: {}
            securityContext:
                seccompProfile:
                    type: RuntimeDefault
`,
      fixes: {
        "Apply restricted security context": `apiVersion: apps/v1
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
                  runAsNonRoot: true
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                      drop:
                      - ALL
                  seccompProfile:
                      type: RuntimeDefault
            volumes:
            - name: data
              emptyDir: {}
`,
      },
    },
    {
      name: "CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ seccomp: Container \"app\" of Pod \"p\" runs without a seccomp profile (no seccompProfile RuntimeDefault or Localhost at pod or container level): every system call stays open, including the rarely used ones most kernel exploits and container escapes go through.\n    image: app:1\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n  securityContext:\r\n    seccompProfile:\r\n      type: RuntimeDefault\r\n",
    },
  ],
});
