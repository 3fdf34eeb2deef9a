import { identicalProbes } from '../../server/src/rules/identical-probes';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(identicalProbes, {
  valid: [
    {
      name: "liveness is more lenient than readiness",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1
          ports: [{name: http, containerPort: 8080}]
          readinessProbe:
            httpGet: {path: /ready, port: http}
          livenessProbe:
            httpGet: {path: /ready, port: http}
            failureThreshold: 6
`,
    },
    {
      name: "different endpoints; only one probe; CronJob",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      readinessProbe: {httpGet: {path: /ready, port: 8080}}
      livenessProbe: {httpGet: {path: /healthz, port: 8080}}
    - name: b
      readinessProbe: {tcpSocket: {port: 9000}}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              readinessProbe: &same {tcpSocket: {port: 1}}
              livenessProbe: *same
`,
    },
    {
      name: "a readiness probe with successThreshold 2 differs from the liveness probe",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      readinessProbe: {tcpSocket: {port: 8080}, successThreshold: 2}
      livenessProbe: {tcpSocket: {port: 8080}}
`,
    },
  ],
  invalid: [
    {
      name: "same probe with keys in another order, defaults spelled out, port by name and by number",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
          livenessProbe:
#         ^^^^^^^^^^^^^ identical-probes: The livenessProbe and readinessProbe of container "web" of Deployment "shop" are identical: when the check fails under load or on a slow dependency, every pod is restarted at once instead of being taken out of the Service.
            periodSeconds: 10
            failureThreshold: 3
            httpGet:
              port: 8080
              path: /healthz
              scheme: HTTP
        - name: dont-fire
          image: web:1
          readinessProbe: {tcpSocket: {port: 8080}}
          livenessProbe: {tcpSocket: {port: 8080}, failureThreshold: 5}
`,
    },
    {
      name: "one anchored probe used twice (flow style, 4 spaces, unindented sequences)",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        spec:
            containers:
            - name: postgres
              readinessProbe: &probe {exec: {command: [pg_isready]}, periodSeconds: 5}
              livenessProbe: *probe
#             ^^^^^^^^^^^^^ identical-probes: The livenessProbe and readinessProbe of container "postgres" of StatefulSet "db" are identical: when the check fails under load or on a slow dependency, every pod is restarted at once instead of being taken out of the Service.
`,
    },
    {
      name: "a merge key copies the readiness probe",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      readinessProbe: &ready
        tcpSocket:
          port: 5672
      livenessProbe:
#     ^^^^^^^^^^^^^ identical-probes: The livenessProbe and readinessProbe of container "app" of Pod "p" are identical: when the check fails under load or on a slow dependency, every pod is restarted at once instead of being taken out of the Service.
        <<: *ready
`,
    },
    {
      name: "CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    readinessProbe: {httpGet: {path: /, port: 80}}\r\n    livenessProbe: {httpGet: {port: 80}}\r\n#   ^^^^^^^^^^^^^ identical-probes: The livenessProbe and readinessProbe of container \"a\" of Pod \"p\" are identical: when the check fails under load or on a slow dependency, every pod is restarted at once instead of being taken out of the Service.\n",
    },
  ],
});
