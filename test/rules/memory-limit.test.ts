import { memoryLimit } from '../../server/src/rules/memory-limit';
import { ruleTester } from '../helpers/ruleTester';

const MSG = 'has no memory limit (resources.limits.memory): a leak grows until the node runs out of memory and the OOM killer picks its victims.';

ruleTester.run(memoryLimit, {
  valid: [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            limits:
              memory: 256Mi`,
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n' },
    { name: 'not kubernetes', code: 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n' },
  ],
  invalid: [
    {
      name: 'no resources at all: the whole block is added',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ memory-limit: Container "web" of Deployment "shop" ${MSG}
          image: nginx:1.27 # pinned
        - name: sidecar
#               ^^^^^^^ memory-limit: Container "sidecar" of Deployment "shop" ${MSG}
          image: envoy:1.30
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
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
        - name: sidecar
          image: envoy:1.30
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
`,
    },
    {
      name: 'a request exists: the limit is a multiple of it, CRLF kept',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ memory-limit: Container "app" of Pod "p" ' + MSG + '\n    image: app:1\r\n    resources:\r\n      requests:\r\n        memory: 1Gi\r\n',
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n    resources:\r\n      requests:\r\n        memory: 1Gi\r\n      limits:\r\n        memory: 2Gi\r\n',
    },
    {
      name: 'flow style is kept, CronJob pod spec',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: "busybox:1.36", resources: {}}]
#                             ^^^ memory-limit: Container "job" of CronJob "nightly" ${MSG}`,
      output: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: "busybox:1.36", resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 256Mi}}}]`,
    },
  ],
});
