import { readinessProbe } from '../../server/src/rules/readiness-probe';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(readinessProbe, {
  valid: [
    {
      name: "every container has a readiness probe; init containers need none",
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
      containers:
        - name: web
          image: shop:1.4
          readinessProbe:
            httpGet: {path: /ready, port: http}
        - name: worker
          image: shop:1.4
          readinessProbe:
            exec:
              command: [cat, /tmp/ready]
`,
    },
    {
      name: "CronJob and Job are batch: never fire",
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: busybox:1.36
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      containers: [{name: job, image: "busybox:1.36"}]
`,
    },
    {
      name: "probe from a merge key (anchors and aliases)",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: a
    spec:
      containers:
        - &app
          name: app
          image: app:1
          readinessProbe: &probe
            tcpSocket: {port: 8080}
  - apiVersion: v1
    kind: Pod
    metadata:
      name: b
    spec:
      containers:
        - <<: *app
          name: app-b
`,
    },
    {
      name: "not a workload",
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: x
data:
  a: b
`,
    },
  ],
  invalid: [
    {
      name: "multi-document: the http port gets an httpGet probe, dont-fire stays quiet",
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
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
#               ^^^ readiness-probe: Container "web" of Deployment "shop" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: shop:1.4 # pinned
          ports:
            - name: grpc
              containerPort: 9000
            - name: http-api
              containerPort: 8080
          # resources come from the LimitRange
        - name: worker
#               ^^^^^^ readiness-probe: Container "worker" of Deployment "shop" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: shop-worker:1.4
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
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4 # pinned
          ports:
            - name: grpc
              containerPort: 9000
            - name: http-api
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http-api
            initialDelaySeconds: 5
            periodSeconds: 10
            failureThreshold: 3
          # resources come from the LimitRange
        - name: worker
          image: shop-worker:1.4
`,
      fixes: {
        "Add readiness probe": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: shop:1.4 # pinned
          ports:
            - name: grpc
              containerPort: 9000
            - name: http-api
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http-api
            initialDelaySeconds: 5
            periodSeconds: 10
            failureThreshold: 3
          # resources come from the LimitRange
        - name: worker
          image: shop-worker:1.4
`,
      },
    },
    {
      name: "4-space indentation, unindented sequences: first TCP port (UDP skipped), by number",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    serviceName: db
    template:
        spec:
            containers:
            - name: postgres
#                   ^^^^^^^^ readiness-probe: Container "postgres" of StatefulSet "db" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
              image: postgres:16
              ports:
              - containerPort: 5353
                protocol: UDP
              - containerPort: 5432
`,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    serviceName: db
    template:
        spec:
            containers:
            - name: postgres
              image: postgres:16
              ports:
              - containerPort: 5353
                protocol: UDP
              - containerPort: 5432
              readinessProbe:
                  tcpSocket:
                      port: 5432
                  initialDelaySeconds: 5
                  periodSeconds: 10
                  failureThreshold: 3
`,
      fixes: {
        "Add readiness probe": `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    serviceName: db
    template:
        spec:
            containers:
            - name: postgres
              image: postgres:16
              ports:
              - containerPort: 5353
                protocol: UDP
              - containerPort: 5432
              readinessProbe:
                  tcpSocket:
                      port: 5432
                  initialDelaySeconds: 5
                  periodSeconds: 10
                  failureThreshold: 3
`,
      },
    },
    {
      name: "flow-style container: the probe goes into the flow map, port by name",
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers: [{name: agent, image: "agent:2", ports: [{name: web, containerPort: 8080}]}]
#                         ^^^^^ readiness-probe: Container "agent" of DaemonSet "agent" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
`,
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers: [{name: agent, image: "agent:2", ports: [{name: web, containerPort: 8080}], readinessProbe: {httpGet: {path: /ready, port: web}, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3}}]
`,
    },
    {
      name: "CRLF line endings are kept",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n#         ^^^ readiness-probe: Container \"app\" of Pod \"p\" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.\n    image: app:1\r\n    ports:\r\n    - containerPort: 80\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n    ports:\r\n    - containerPort: 80\r\n    readinessProbe:\r\n      httpGet:\r\n        path: /ready\r\n        port: 80\r\n      initialDelaySeconds: 5\r\n      periodSeconds: 10\r\n      failureThreshold: 3\r\n",
    },
    {
      name: "no declared port: the Service in another file gives the port (tcpSocket)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
#               ^^^ readiness-probe: Container "api" of Deployment "api" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: api:3
`,
      files: {
        "service.yaml": `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector: {app: api}
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
      },
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: api:3
          readinessProbe:
            tcpSocket:
              port: 8080
            initialDelaySeconds: 5
            periodSeconds: 10
            failureThreshold: 3
`,
    },
    {
      name: "no declared port and no Service: a finding without a fix",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
#               ^^^ readiness-probe: Container "api" of Deployment "api" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: api:3
          ports:
            - name: dns
              containerPort: 53
              protocol: UDP
        - name: helper
#               ^^^^^^ readiness-probe: Container "helper" of Deployment "api" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: helper:1
`,
    },
    {
      name: "a Service in another namespace gives no port",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
#               ^^^ readiness-probe: Container "api" of Deployment "api" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: api:3
`,
      files: {
        "service.yaml": `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: other
spec:
  selector: {app: api}
  ports: [{port: 8080}]
`,
      },
    },
    {
      name: "an empty readinessProbe counts as missing; configured path",
      code: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  template:
    spec:
      containers:
        - name: web
#               ^^^ readiness-probe: Container "web" of Rollout "canary" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
          image: web:2
          ports: [{name: http, containerPort: 8080}]
          readinessProbe:
          resources: {}
`,
      settings: {"fixes":{"probePaths":{"readiness":"/health/ready"}}},
      output: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:2
          ports: [{name: http, containerPort: 8080}]
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
            failureThreshold: 3
          resources: {}
`,
    },
    {
      name: "a container that takes its settings from a merge key gets its own probe key",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      template:
        spec:
          containers:
            - &base
              name: base
              image: base:1
              ports: [{name: http, containerPort: 8080}]
              readinessProbe: {httpGet: {path: /ready, port: http}}
            - <<: *base
              name: copy
#                   ^^^^ readiness-probe: Container "copy" of ReplicaSet "rs" has no readinessProbe: it gets traffic as soon as it starts and keeps getting it while it cannot serve.
              readinessProbe: null
`,
      output: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      template:
        spec:
          containers:
            - &base
              name: base
              image: base:1
              ports: [{name: http, containerPort: 8080}]
              readinessProbe: {httpGet: {path: /ready, port: http}}
            - <<: *base
              name: copy
              readinessProbe:
                httpGet:
                  path: /ready
                  port: http
                initialDelaySeconds: 5
                periodSeconds: 10
                failureThreshold: 3
`,
      fixes: {
        "Add readiness probe": `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      template:
        spec:
          containers:
            - &base
              name: base
              image: base:1
              ports: [{name: http, containerPort: 8080}]
              readinessProbe: {httpGet: {path: /ready, port: http}}
            - <<: *base
              name: copy
              readinessProbe:
                httpGet:
                  path: /ready
                  port: http
                initialDelaySeconds: 5
                periodSeconds: 10
                failureThreshold: 3
`,
      },
    },
  ],
});
