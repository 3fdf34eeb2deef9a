import { statefulsetService } from '../../server/src/rules/statefulset-service';
import { ruleTester } from '../helpers/ruleTester';

const missing = (sts: string, svc: string, where = 'the default namespace') =>
  `StatefulSet "${sts}" names serviceName "${svc}", but no Service "${svc}" in ${where} is in the workspace: its pods get no stable DNS names.`;

const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
spec:
  serviceName: pg
  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
    spec:
      containers:
        - name: db
          image: postgres:16
`;

const headless = (name: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: None${extra}
  selector:
    app: pg
`;

ruleTester.run(statefulsetService, {
  valid: [
    { name: 'headless Service in the same file', code: `${STS}---\n${headless('pg')}` },
    { name: 'headless Service in another file', code: STS, files: { 'svc.yaml': headless('pg') } },
    { name: 'a headless Service without selector is left to its owner', code: STS, files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: pg}\nspec: {clusterIP: None}\n' } },
    { name: 'serviceName is optional', code: STS.replace('  serviceName: pg\n', '') },
    { name: 'not a StatefulSet', code: STS.replace('kind: StatefulSet', 'kind: Deployment') },
  ],
  invalid: [
    {
      name: 'no Service: create it after the StatefulSet, before the next document and after a trailing comment',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
  namespace: data
spec:
  serviceName: pg-headless
#              ^^^^^^^^^^^ statefulset-service: ${missing('pg', 'pg-headless', 'namespace `data`')}
  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
        tier: db
    spec:
      containers:
        - name: db
          image: postgres:16
          ports:
            - name: pg
              containerPort: 5432
            - containerPort: 9187
# end of the StatefulSet
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: dont-fire
`,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
  namespace: data
spec:
  serviceName: pg-headless
  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
        tier: db
    spec:
      containers:
        - name: db
          image: postgres:16
          ports:
            - name: pg
              containerPort: 5432
            - containerPort: 9187
# end of the StatefulSet
---
apiVersion: v1
kind: Service
metadata:
  name: pg-headless
  namespace: data
spec:
  clusterIP: None
  selector:
    app: pg
  ports:
    - name: pg
      port: 5432
      targetPort: pg
    - name: tcp-9187
      port: 9187
      targetPort: 9187
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: dont-fire
`,
    },
    {
      name: 'flow style, no trailing newline; a Service of that name in another namespace does not count',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: kafka}
spec: {serviceName: kafka, selector: {matchLabels: {app: kafka}}, template: {metadata: {labels: {app: kafka}}, spec: {containers: [{name: kafka, image: "apache/kafka:3.8.0", ports: [{containerPort: 9092}]}]}}}
#                   ^^^^^ statefulset-service: ${missing('kafka', 'kafka')}`,
      files: { 'other.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: kafka, namespace: queue}\nspec: {clusterIP: None, selector: {app: kafka}}\n' },
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: kafka}
spec: {serviceName: kafka, selector: {matchLabels: {app: kafka}}, template: {metadata: {labels: {app: kafka}}, spec: {containers: [{name: kafka, image: "apache/kafka:3.8.0", ports: [{containerPort: 9092}]}]}}}
---
apiVersion: v1
kind: Service
metadata:
  name: kafka
spec:
  clusterIP: None
  selector:
    app: kafka
  ports:
    - port: 9092
      targetPort: 9092
`,
    },
    {
      name: '4-space indentation, sequences not indented, CRLF',
      code: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n    name: zk\r\nspec:\r\n    serviceName: zk\r\n#                ^^ statefulset-service: ' + missing('zk', 'zk') + '\n    selector:\r\n        matchLabels:\r\n            app: zk\r\n    template:\r\n        metadata:\r\n            labels:\r\n                app: zk\r\n        spec:\r\n            containers:\r\n            - name: zk\r\n              image: zookeeper:3.9\r\n              ports:\r\n              - name: client\r\n                containerPort: 2181\r\n',
      output: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n    name: zk\r\nspec:\r\n    serviceName: zk\r\n    selector:\r\n        matchLabels:\r\n            app: zk\r\n    template:\r\n        metadata:\r\n            labels:\r\n                app: zk\r\n        spec:\r\n            containers:\r\n            - name: zk\r\n              image: zookeeper:3.9\r\n              ports:\r\n              - name: client\r\n                containerPort: 2181\r\n'
        + '---\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: zk\r\nspec:\r\n    clusterIP: None\r\n    selector:\r\n        app: zk\r\n    ports:\r\n    - name: client\r\n      port: 2181\r\n      targetPort: client\r\n',
    },
    {
      name: 'the Service is not headless (no fix: clusterIP is immutable and clients may use it)',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
spec:
  serviceName: pg
#              ^^ statefulset-service: StatefulSet "pg" names serviceName "pg", but Service "pg" in the default namespace is not headless (clusterIP: None): its pods get no stable DNS names.
  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
    spec:
      containers:
        - name: db
          image: postgres:16
---
apiVersion: v1
kind: Service
metadata:
  name: pg
spec:
  selector:
    app: pg
  ports:
    - port: 5432
`,
    },
    {
      name: 'the headless Service selects other pods',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
spec:
  serviceName: pg
#              ^^ statefulset-service: StatefulSet "pg" names serviceName "pg", but headless Service "pg" in the default namespace selects app=postgres, which its pod template labels (app=pg) do not match: its pods get no DNS records.
  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
    spec:
      containers:
        - name: db
          image: postgres:16
`,
      files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: pg\nspec:\n  clusterIP: "None"\n  selector:\n    app: postgres\n' },
    },
    {
      name: 'a selector with expressions: no fix (a Service selector is a plain label map); serviceName through an alias',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: &name web
spec:
  serviceName: *name
#              ^^^^^ statefulset-service: ${missing('web', 'web')}
  selector:
    matchExpressions:
      - {key: app, operator: In, values: [web]}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
`,
    },
  ],
});
