import { livenessProbe } from '../../server/src/rules/liveness-probe';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(livenessProbe, {
  valid: [
    {
      name: "every container has a liveness probe; init and sidecar init containers need none",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: shop-migrate:1.4
        - name: proxy
          image: envoy:1.30
          restartPolicy: Always
      containers:
        - name: web
          image: shop:1.4
          livenessProbe:
            httpGet: {path: /healthz, port: http}
`,
    },
    {
      name: "CronJob: batch, never fires",
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: "busybox:1.36"}]
`,
    },
    {
      name: "probe through an alias",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: a:1
      livenessProbe: &live
        exec: {command: [true]}
    - name: b
      image: b:1
      livenessProbe: *live
`,
    },
  ],
  invalid: [
    {
      name: "more lenient than readiness, and never identical to an existing readiness probe",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4
          livenessProbe: {tcpSocket: {port: 8080}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ liveness-probe: Container "web" of Deployment "shop" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.
          image: shop:1.4
          ports:
            - name: metrics
              containerPort: 9090
            - name: http
              containerPort: 8080
          # the readiness probe happens to look like a generated liveness probe
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 10
            failureThreshold: 6
        - name: admin
#               ^^^^^ liveness-probe: Container "admin" of Deployment "shop" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.
          image: shop-admin:1.4
          ports:
            - containerPort: 8081
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4
          livenessProbe: {tcpSocket: {port: 8080}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4
          ports:
            - name: metrics
              containerPort: 9090
            - name: http
              containerPort: 8080
          # the readiness probe happens to look like a generated liveness probe
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 10
            failureThreshold: 6
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 10
            failureThreshold: 7
        - name: admin
          image: shop-admin:1.4
          ports:
            - containerPort: 8081
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8081
            initialDelaySeconds: 15
            periodSeconds: 10
            failureThreshold: 6
`,
      fixes: {
        "Add liveness probe": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4
          livenessProbe: {tcpSocket: {port: 8080}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4
          ports:
            - name: metrics
              containerPort: 9090
            - name: http
              containerPort: 8080
          # the readiness probe happens to look like a generated liveness probe
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 10
            failureThreshold: 6
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 10
            failureThreshold: 7
        - name: admin
          image: shop-admin:1.4
          ports:
            - containerPort: 8081
`,
      },
    },
    {
      name: "4-space indentation and unindented sequences",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: cache
spec:
    template:
        spec:
            containers:
            - name: redis
#                   ^^^^^ liveness-probe: Container "redis" of Deployment "cache" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.
              image: redis:7.2
              ports:
              - name: redis
                containerPort: 6379
              # keep this comment
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: cache
spec:
    template:
        spec:
            containers:
            - name: redis
              image: redis:7.2
              ports:
              - name: redis
                containerPort: 6379
              # keep this comment
              livenessProbe:
                  tcpSocket:
                      port: redis
                  initialDelaySeconds: 15
                  periodSeconds: 10
                  failureThreshold: 6
`,
      fixes: {
        "Add liveness probe": `apiVersion: apps/v1
kind: Deployment
metadata:
    name: cache
spec:
    template:
        spec:
            containers:
            - name: redis
              image: redis:7.2
              ports:
              - name: redis
                containerPort: 6379
              # keep this comment
              livenessProbe:
                  tcpSocket:
                      port: redis
                  initialDelaySeconds: 15
                  periodSeconds: 10
                  failureThreshold: 6
`,
      },
    },
    {
      name: "flow style",
      code: `apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  template:
    spec:
      containers: [{name: web, image: "web:1", ports: [{containerPort: 8080}]}]
#                         ^^^ liveness-probe: Container "web" of ReplicationController "legacy" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.
`,
      output: `apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  template:
    spec:
      containers: [{name: web, image: "web:1", ports: [{containerPort: 8080}], livenessProbe: {httpGet: {path: /healthz, port: 8080}, initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 6}}]
`,
    },
    {
      name: "CRLF",
      code: "apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: kafka\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: kafka\r\n#               ^^^^^ liveness-probe: Container \"kafka\" of StatefulSet \"kafka\" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.\n          image: kafka:3.7\r\n          ports:\r\n            - {name: broker, containerPort: 9092}\r\n",
      output: "apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: kafka\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: kafka\r\n          image: kafka:3.7\r\n          ports:\r\n            - {name: broker, containerPort: 9092}\r\n          livenessProbe:\r\n            tcpSocket:\r\n              port: broker\r\n            initialDelaySeconds: 15\r\n            periodSeconds: 10\r\n            failureThreshold: 6\r\n",
    },
    {
      name: "two containers without ports: the Service port of another file could belong to either, so no fix",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
#               ^^^ liveness-probe: Container "api" of Deployment "api" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.
          image: api:3
        - name: log-shipper
#               ^^^^^^^^^^^ liveness-probe: Container "log-shipper" of Deployment "api" has no livenessProbe: if it deadlocks or hangs, Kubernetes never restarts it.
          image: fluent-bit:3
`,
      files: {
        "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: {app: api}
  ports: [{port: 8080}]
`,
      },
    },
  ],
});
