import { monitorSelector } from '../../server/src/rules/monitor-selector';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(monitorSelector, {
  valid: [
    {
      name: "the Service is in another file (cross-file)",
      code: `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: dont-fire
  namespace: shop
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  endpoints: [{port: metrics}]
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
      },
    },
    {
      name: "matchNames, any: true, and an empty selector (every Service of the namespaces)",
      code: `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: by-name
  namespace: monitoring
spec:
  namespaceSelector:
    matchNames: [shop]
  selector:
    matchExpressions: [{key: app.kubernetes.io/name, operator: Exists}]
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: anywhere
  namespace: monitoring
spec:
  namespaceSelector: {any: true}
  selector: {matchLabels: {app.kubernetes.io/name: web}}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: everything
spec:
  namespaceSelector:
    matchNames:
      - shop
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
      },
    },
    {
      name: "a PodMonitor that selects the pods of a Deployment; labels from an anchor",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: &labels {app: web}
    spec: {containers: [{name: web, image: "web:1"}]}
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  podMetricsEndpoints: [{port: metrics}]
`,
    },
  ],
  invalid: [
    {
      name: "kube-linter shapes: labels that no Service has, a namespace without that Service",
      code: `apiVersion: v1
kind: Service
metadata:
  name: app1
  labels:
    app.kubernetes.io/name: app1
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: app1
spec:
  selector:
# ^^^^^^^^ monitor-selector: ServiceMonitor "app1" selects nothing: no Service in the default namespace has labels app.kubernetes.io/name=app, so Prometheus scrapes nothing for it and the metrics and alerts built on it are silently missing.
    matchLabels:
      app.kubernetes.io/name: app
---
apiVersion: v1
kind: Service
metadata:
  name: app2
  namespace: test1
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: app2
spec:
  selector:
# ^^^^^^^^ monitor-selector: ServiceMonitor "app2" selects nothing: no Service in namespaces \`test2\`, \`test3\` has labels app.kubernetes.io/name=app2, so Prometheus scrapes nothing for it and the metrics and alerts built on it are silently missing.
    matchLabels:
      app.kubernetes.io/name: app2
  namespaceSelector:
    matchNames:
      - test2
      - test3
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: dont-fire
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: app1
`,
    },
    {
      name: "a monitor without a namespace looks only at Services without one (cross-file)",
      code: `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: web}
spec: {selector: {matchLabels: {app.kubernetes.io/name: web}}, endpoints: [{port: metrics}]}
#      ^^^^^^^^ monitor-selector: ServiceMonitor "web" selects nothing: no Service in the default namespace has labels app.kubernetes.io/name=web, so Prometheus scrapes nothing for it and the metrics and alerts built on it are silently missing.
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
      },
    },
    {
      name: "a PodMonitor whose labels match no pod template; CRLF",
      code: "apiVersion: monitoring.coreos.com/v1\r\nkind: PodMonitor\r\nmetadata:\r\n  name: jobs\r\n  namespace: batch\r\nspec:\r\n  selector:\r\n# ^^^^^^^^ monitor-selector: PodMonitor \"jobs\" selects nothing: no pod of a workload in namespace `batch` has labels app=worker, tier NotIn (test), so Prometheus scrapes nothing for it and the metrics and alerts built on it are silently missing.\n    matchLabels:\r\n      app: worker\r\n    matchExpressions:\r\n    - {key: tier, operator: NotIn, values: [test]}\r\n  podMetricsEndpoints:\r\n  - port: metrics\r\n",
    },
  ],
});
