import { serviceTargetPort } from '../../server/src/rules/service-target-port';
import { ruleTester } from '../helpers/ruleTester';

const REFUSED = 'the Service has no endpoints for this port and connections are refused.';

const workload = (ports: string, name = 'web', kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: web:1.0
          ports:
${ports}`;

const HTTP = '            - name: http\n              containerPort: 8080\n';

ruleTester.run(serviceTargetPort, {
  valid: [
    { name: 'the named port exists', code: `${workload(HTTP)}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: http\n` },
    { name: 'numeric, quoted numeric and absent targetPorts are not names', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n    - {name: a, port: 80, targetPort: 8080}\n    - {name: b, port: 81, targetPort: "8081"}\n    - {name: c, port: 8082}\n', files: { 'web.yaml': workload(HTTP) } },
    { name: 'selects nothing (service-selector reports it)', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: nothing}, ports: [{port: 80, targetPort: http}]}\n', files: { 'web.yaml': workload(HTTP) } },
    {
      name: 'a sidecar init container (restartPolicy: Always) serves the port',
      code: `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  initContainers:
    - {name: proxy, image: "envoy:1.31", restartPolicy: Always, ports: [{name: https, containerPort: 8443}]}
  containers:
    - {name: web, image: "web:1.0"}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 443, targetPort: https}]}
`,
    },
  ],
  invalid: [
    {
      name: 'the only declared port has another name, beside a dont-fire Service',
      code: `${workload('            - name: web\n              containerPort: 8080\n')}---
apiVersion: v1
kind: Service
metadata:
  name: dont-fire
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http # the app's port
#                 ^^^^ service-target-port: Service "web" sends port http (80) to targetPort "http", but no container of Deployment "web" declares a port named "http": ${REFUSED}
`,
      output: `${workload('            - name: web\n              containerPort: 8080\n')}---
apiVersion: v1
kind: Service
metadata:
  name: dont-fire
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: web # the app's port
`,
    },
    {
      name: 'one unnamed port in another file: the number is used; flow style',
      code: `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: "http"}]}
#                                                           ^^^^^^ service-target-port: Service "web" sends port 80 to targetPort "http", but no container of Deployment "web" declares a port named "http": ${REFUSED}
`,
      files: { 'web.yaml': workload('            - containerPort: 8080\n') },
      output: `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`,
      fixes: {
        'Set targetPort to 8080': `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`,
      },
    },
    {
      name: 'one of two selected workloads lacks the port: no fix',
      code: `${workload(HTTP)}---
${workload('            - name: metrics\n              containerPort: 9090\n', 'web-canary', 'StatefulSet')}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
#               ^^^^ service-target-port: Service "web" sends port 80 to targetPort "http", but StatefulSet "web-canary", which it also selects, declares no port named "http": those pods get no traffic on this port.
`,
    },
    {
      name: 'CRLF: the fix keeps the line endings',
      code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\nspec:\r\n  selector:\r\n    app: web\r\n  ports:\r\n  - port: 80\r\n    targetPort: http\r\n#               ^^^^ service-target-port: Service "web" sends port 80 to targetPort "http", but no container of Deployment "web" declares a port named "http": ' + REFUSED + '\n',
      files: { 'web.yaml': workload('            - name: web\n              containerPort: 8080\n') },
      output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\nspec:\r\n  selector:\r\n    app: web\r\n  ports:\r\n  - port: 80\r\n    targetPort: web\r\n',
    },
    {
      name: 'the protocol must match too; CRLF',
      code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: dns\r\nspec:\r\n  selector:\r\n    app: web\r\n  ports:\r\n    - port: 53\r\n      protocol: UDP\r\n      targetPort: http\r\n#                 ^^^^ service-target-port: Service "dns" sends port 53 to targetPort "http", but no container of Deployment "web" declares a UDP port named "http": ' + REFUSED + '\n',
      files: { 'web.yaml': workload(HTTP) },
    },
  ],
});
