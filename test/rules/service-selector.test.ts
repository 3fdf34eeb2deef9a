import { serviceSelector } from '../../server/src/rules/service-selector';
import { ruleTester } from '../helpers/ruleTester';

const msg = (service: string, labels: string, where = 'the default namespace') =>
  `Service "${service}" selects ${labels}, but no pod template in ${where} has these labels: it has no endpoints and every connection to it fails.`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: frontend
    spec:
      containers:
        - name: web
          image: web:1.0
`;

ruleTester.run(serviceSelector, {
  valid: [
    { name: 'selects a Deployment in the same file (a subset of its labels)', code: `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n` },
    { name: 'selects a Deployment in another file', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web, tier: frontend}, ports: [{port: 80}]}\n', files: { 'web.yaml': DEPLOYMENT } },
    { name: 'no selector: endpoints are managed elsewhere', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports: [{port: 5432}]\n' },
    { name: 'ExternalName', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: db.example.com, selector: {app: nothing}}\n' },
    {
      name: 'selects the pods of a CronJob and a bare Pod; a template without pod spec still has labels',
      code: `apiVersion: v1
kind: Service
metadata: {name: jobs}
spec: {selector: {app: jobs}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: jobs}}
        spec: {restartPolicy: Never, containers: [{name: j, image: "j:1"}]}
---
apiVersion: v1
kind: Service
metadata: {name: debug}
spec: {selector: {app: debug}}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, labels: {app: debug}}
spec: {containers: [{name: d, image: "busybox:1.36"}]}
---
apiVersion: v1
kind: Service
metadata: {name: minimal}
spec: {selector: {app: minimal}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: minimal}
spec:
  template:
    metadata: {labels: {app: minimal}}
`,
    },
  ],
  invalid: [
    {
      name: 'no workload has the labels, beside a dont-fire Service',
      code: `${DEPLOYMENT}---
apiVersion: v1
kind: Service
metadata:
  name: dont-fire
spec:
  selector:
    app: web
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
# ^^^^^^^^ service-selector: ${msg('api', 'app=api')}
    app: api
  ports:
    - port: 80
`,
    },
    {
      name: 'one label too many; flow style',
      code: `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web, tier: backend}, ports: [{port: 80}]}
#      ^^^^^^^^ service-selector: ${msg('web', 'app=web,tier=backend')}
`,
      files: { 'web.yaml': DEPLOYMENT },
    },
    {
      name: 'the workload is in another namespace (cross-file); labels through an alias',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: &sel
    app: web
spec:
  selector: *sel
# ^^^^^^^^ service-selector: ${msg('web', 'app=web', 'namespace `shop`')}
`,
      files: { 'web.yaml': DEPLOYMENT },
    },
  ],
});
