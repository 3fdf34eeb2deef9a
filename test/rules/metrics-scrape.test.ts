import { metricsScrape } from '../../server/src/rules/metrics-scrape';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(metricsScrape, {
  valid: [
    {
      name: "a ServiceMonitor selects a Service that selects the pods (cross-file)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1", ports: [{name: metrics, containerPort: 9090}]}]
`,
      files: {
        "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app: web}
  ports: [{name: metrics, port: 9090}]
`,
        "monitor.yaml": `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  endpoints: [{port: metrics}]
`,
      },
    },
    {
      name: "a ServiceMonitor in the monitoring namespace with matchNames",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1", ports: [{name: metrics, containerPort: 9090}]}]
`,
      files: {
        "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app: web}
  ports: [{name: metrics, port: 9090}]
`,
        "monitor.yaml": `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  namespace: monitoring
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  namespaceSelector:
    matchNames: [shop]
  endpoints: [{port: metrics}]
`,
      },
    },
    {
      name: "a ServiceMonitor with namespaceSelector any: true",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1", ports: [{name: metrics, containerPort: 9090}]}]
`,
      files: {
        "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app: web}
  ports: [{name: metrics, port: 9090}]
`,
        "monitor.yaml": `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  namespace: monitoring
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  namespaceSelector: {any: true}
  endpoints: [{port: metrics}]
`,
      },
    },
    {
      name: "a PodMonitor selects the pods",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1", ports: [{name: metrics, containerPort: 9090}]}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchExpressions: [{key: app, operator: In, values: [web, api]}]
  podMetricsEndpoints: [{port: metrics}]
`,
    },
    {
      name: "a PodMonitor in another namespace that looks in any namespace; one that looks elsewhere comes first",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1", ports: [{name: metrics, containerPort: 9090}]}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: elsewhere, namespace: monitoring}
spec:
  namespaceSelector: {matchNames: [billing]}
  selector: {matchLabels: {app: web}}
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: everywhere, namespace: monitoring}
spec:
  namespaceSelector: {any: true}
  selector: {matchLabels: {app: web}}
`,
    },
    {
      name: "the prometheus.io/scrape annotation; CronJob and Job are not judged",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    metadata:
      annotations:
        prometheus.io/scrape: "true"
    spec:
      containers: [{name: web, image: "web:1"}]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "annotations from an anchor",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: a
      annotations: &scrape {prometheus.io/scrape: "true", prometheus.io/port: "9090"}
    spec: {containers: [{name: a, image: "a:1"}]}
  - apiVersion: v1
    kind: Pod
    metadata:
      name: b
      annotations: *scrape
    spec: {containers: [{name: b, image: "b:1"}]}
`,
    },
  ],
  invalid: [
    {
      name: "no monitor at all: annotations added to the pod template metadata, port from the metrics port",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#       ^^^ metrics-scrape: Deployment "web" is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (labels app=web, in the default namespace) and its pod template has no prometheus.io/scrape: "true" annotation, so no metric or alert shows it degrading.
spec:
  template:
    metadata:
      labels:
        app: web
      # annotations are managed by the platform team
    spec:
      containers:
        - name: web
          image: web:1
          ports:
            - name: http
              containerPort: 8080
            - name: http-metrics
              containerPort: 9100
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9100"
      # annotations are managed by the platform team
    spec:
      containers:
        - name: web
          image: web:1
          ports:
            - name: http
              containerPort: 8080
            - name: http-metrics
              containerPort: 9100
`,
    },
    {
      name: "the ServiceMonitor looks in its own namespace only (cross-file); existing annotations get the missing keys",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web
#         ^^^ metrics-scrape: Deployment "web" is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (labels app=web, in namespace \`shop\`) and its pod template has no prometheus.io/scrape: "true" annotation, so no metric or alert shows it degrading.
    namespace: shop
spec:
    template:
        metadata:
            labels:
                app: web
            annotations:
                checksum/config: abc123
        spec:
            containers:
            - name: web
              image: web:1
              ports:
              - name: metrics
                containerPort: 9090
`,
      files: {
        "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app: web}
  ports: [{name: metrics, port: 9090}]
`,
        "monitor.yaml": `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  namespace: monitoring
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  endpoints: [{port: metrics}]
`,
      },
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web
    namespace: shop
spec:
    template:
        metadata:
            labels:
                app: web
            annotations:
                checksum/config: abc123
                prometheus.io/scrape: "true"
                prometheus.io/port: "9090"
        spec:
            containers:
            - name: web
              image: web:1
              ports:
              - name: metrics
                containerPort: 9090
`,
    },
    {
      name: "the Service selects other pods; \"false\" is turned into \"true\" (flow annotations)",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
#       ^^ metrics-scrape: StatefulSet "db" is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (labels app=db, in namespace \`shop\`) and its pod template has no prometheus.io/scrape: "true" annotation, so no metric or alert shows it degrading.
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: db}
      annotations: {prometheus.io/scrape: "false", team: data}
    spec:
      containers:
        - {name: db, image: "postgres:16"}
        - {name: exporter, image: "postgres-exporter:0.15", ports: [{name: metrics, containerPort: 9187}]}
`,
      files: {
        "svc.yaml": `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app.kubernetes.io/name: web}
spec:
  selector: {app: web}
  ports: [{name: metrics, port: 9090}]
`,
        "monitor.yaml": `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  endpoints: [{port: metrics}]
`,
      },
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: db}
      annotations: {prometheus.io/scrape: "true", team: data, prometheus.io/port: "9187"}
    spec:
      containers:
        - {name: db, image: "postgres:16"}
        - {name: exporter, image: "postgres-exporter:0.15", ports: [{name: metrics, containerPort: 9187}]}
`,
    },
    {
      name: "no metrics port: reported without a fix; multi-document with a Pod",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: debug
#       ^^^^^ metrics-scrape: Pod "debug" is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (no labels, in the default namespace) and its pod template has no prometheus.io/scrape: "true" annotation, so no metric or alert shows it degrading.
spec:
  containers: [{name: debug, image: "busybox:1.36", ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
#       ^^^^^ metrics-scrape: DaemonSet "agent" is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (no labels, in the default namespace) and its pod template has no prometheus.io/scrape: "true" annotation, so no metric or alert shows it degrading.
spec:
  template:
    spec:
      containers: [{name: agent, image: "agent:1"}]
`,
    },
    {
      name: "a template without metadata gets one; CRLF",
      code: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: w\r\n#       ^ metrics-scrape: Deployment \"w\" is scraped by nothing: no ServiceMonitor or PodMonitor selects its pods (no labels, in the default namespace) and its pod template has no prometheus.io/scrape: \"true\" annotation, so no metric or alert shows it degrading.\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: w\r\n        image: w:1\r\n        ports:\r\n        - {name: metrics, containerPort: 8081}\r\n",
      output: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: w\r\nspec:\r\n  template:\r\n    metadata:\r\n      annotations:\r\n        prometheus.io/scrape: \"true\"\r\n        prometheus.io/port: \"8081\"\r\n    spec:\r\n      containers:\r\n      - name: w\r\n        image: w:1\r\n        ports:\r\n        - {name: metrics, containerPort: 8081}\r\n",
    },
  ],
});
