import { probePort } from '../../server/src/rules/probe-port';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(probePort, {
  valid: [
    {
      name: "named and numeric ports that the container declares; exec probes have no port",
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
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {path: /ready, port: http}
          livenessProbe:
            tcpSocket: {port: 8080}
          startupProbe:
            exec: {command: [cat, /tmp/started]}
        - name: grpc
          image: grpc:1
          ports: [{containerPort: 9000}]
          readinessProbe: {grpc: {port: 9000}}
`,
    },
    {
      name: "a container without ports may listen anywhere: numeric ports are not judged",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
`,
    },
    {
      name: "a numeric port declared by another container of the pod (a sidecar serving the health endpoint)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: meshed
spec:
  template:
    spec:
      initContainers:
        - name: istio-proxy
          image: proxyv2:1.22
          restartPolicy: Always
          ports:
            - name: http-envoy-prom
              containerPort: 15090
            - name: status
              containerPort: 15020
      containers:
        - name: app
          image: app:1
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /app-health/app/readyz
              port: 15020
`,
    },
    {
      name: "ports from a merge key count",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers:
        - &app
          name: app
          image: app:1
          ports: [{name: http, containerPort: 8080}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: b}
    spec:
      containers:
        - <<: *app
          livenessProbe: {httpGet: {path: /, port: http}}
`,
    },
    {
      name: "CronJob: batch, not judged",
      code: `apiVersion: batch/v1
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
              image: job:1
              livenessProbe: {httpGet: {path: /, port: http}}
`,
    },
  ],
  invalid: [
    {
      name: "kube-linter shapes: undeclared name, wrong number, UDP port, gRPC; dont-fire beside them",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: dont-fire
          ports:
          - containerPort: 8080
            name: http
          livenessProbe:
            httpGet:
              path: "/"
              port: http
        - name: fire-name
          livenessProbe:
            httpGet:
              path: "/"
              port: http
#                   ^^^^ probe-port: The livenessProbe of container "fire-name" of Deployment "app" uses port "http", which the container does not declare: the kubelet cannot resolve the name, so the container is restarted again and again.
        - name: fire-int
          ports:
          - containerPort: 9999
            name: http
            protocol: TCP
          readinessProbe:
            httpGet:
              path: "/"
              port: 8081
#                   ^^^^ probe-port: The readinessProbe of container "fire-int" of Deployment "app" checks port 8081, which no container of the pod declares as a TCP port (the container declares 9999): it probes something other than the app, so it fails while the app is healthy or passes while it is down.
        - name: fire-udp
          ports:
          - containerPort: 9998
            name: udp
            protocol: UDP
          startupProbe:
            tcpSocket:
              port: udp
#                   ^^^ probe-port: The startupProbe of container "fire-udp" of Deployment "app" uses port "udp", a UDP port, but probes connect over TCP: the container is restarted again and again before it ever starts.
        - name: fire-grpc
          ports:
          - containerPort: 9997
            name: grpc
          readinessProbe:
            grpc:
              port: 9090
#                   ^^^^ probe-port: The readinessProbe of container "fire-grpc" of Deployment "app" checks port 9090, which no container of the pod declares as a TCP port (the container declares 9997): it probes something other than the app, so it fails while the app is healthy or passes while it is down.
`,
    },
    {
      name: "flow style, a sidecar init container, 4-space indentation",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        spec:
            initContainers:
            -   name: exporter
                image: exporter:1
                restartPolicy: Always
                ports: [{name: metrics, containerPort: 9187}]
                livenessProbe: {httpGet: {path: /, port: metric}}
#                                                        ^^^^^^ probe-port: The livenessProbe of init container "exporter" of StatefulSet "db" uses port "metric", which the container does not declare: the kubelet cannot resolve the name, so the container is restarted again and again.
            containers:
            -   {name: db, image: "postgres:16", ports: [{containerPort: 5432}], readinessProbe: {tcpSocket: {port: "5433"}}}
#                                                                                                                   ^^^^^^ probe-port: The readinessProbe of container "db" of StatefulSet "db" checks port 5433, which no container of the pod declares as a TCP port (the container declares 5432): it probes something other than the app, so it fails while the app is healthy or passes while it is down.
`,
    },
    {
      name: "CRLF, multi-document",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: dont-fire\r\nspec:\r\n  containers:\r\n  - name: a\r\n    ports: [{name: http, containerPort: 80}]\r\n    readinessProbe: {httpGet: {port: http}}\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    ports: [{name: http, containerPort: 80}]\r\n    readinessProbe: {httpGet: {port: web}}\r\n#                                    ^^^ probe-port: The readinessProbe of container \"a\" of Pod \"p\" uses port \"web\", which the container does not declare: the kubelet cannot resolve the name, so the pod never becomes ready and never gets traffic.\n",
    },
  ],
});
