import { networkPolicy } from '../../server/src/rules/network-policy';
import { ruleTester } from '../helpers/ruleTester';

const C = `so one compromised pod anywhere in the cluster can reach it.`;

ruleTester.run(networkPolicy, {
  valid: [
    {
      name: "a policy in the same file selects the pods",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchExpressions:
      - {key: tier, operator: In, values: [front]}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {name: ingress}}}]
`,
    },
    {
      name: "cross-file: an empty podSelector selects every pod of its namespace",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: api:1
`,
      files: {
      "policies/default-deny.yaml": `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
    },
    },
    {
      name: "batch workloads and host-network pods are out of scope",
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
          containers: [{name: job, image: "busybox:1.36"}]
          restartPolicy: Never
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  template:
    metadata: {labels: {app: node-agent}}
    spec:
      hostNetwork: true
      containers: [{name: agent, image: "agent:3"}]
`,
    },
  ],
  invalid: [
    {
      name: "no policy: one is created after the workload, for the declared ports",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
#       ^^^^ network-policy: Deployment "shop" accepts connections from any pod: no NetworkPolicy in namespace \`prod\` selects labels app=shop,version=2 for ingress, ${C}
  namespace: prod
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels:
        app: shop
        version: "2"
    spec:
      initContainers:
        - name: proxy
          image: envoy:1.30
          restartPolicy: Always
          ports:
            - containerPort: 9901
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 5353
              protocol: UDP
        - name: metrics
          image: exporter:1
          ports:
            - containerPort: 8080 # same port number, listed once
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: prod
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels:
        app: shop
        version: "2"
    spec:
      initContainers:
        - name: proxy
          image: envoy:1.30
          restartPolicy: Always
          ports:
            - containerPort: 9901
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 5353
              protocol: UDP
        - name: metrics
          image: exporter:1
          ports:
            - containerPort: 8080 # same port number, listed once
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: shop
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: shop
      version: "2"
  policyTypes:
    - Ingress
  ingress:
    - ports:
        - port: 8080
        - port: 5353
          protocol: UDP
        - port: 9901
`,
      fixes: {
        "Create NetworkPolicy for shop": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: prod
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels:
        app: shop
        version: "2"
    spec:
      initContainers:
        - name: proxy
          image: envoy:1.30
          restartPolicy: Always
          ports:
            - containerPort: 9901
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 5353
              protocol: UDP
        - name: metrics
          image: exporter:1
          ports:
            - containerPort: 8080 # same port number, listed once
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: shop
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: shop
      version: "2"
  policyTypes:
    - Ingress
  ingress:
    - ports:
        - port: 8080
        - port: 5353
          protocol: UDP
        - port: 9901
`,
      },
    },
    {
      name: "cross-file: a policy that does not match, one in another namespace, an egress-only one",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
#         ^^ network-policy: StatefulSet "db" accepts connections from any pod: no NetworkPolicy in the default namespace selects labels app=db for ingress, ${C}
spec:
    template:
        metadata:
            labels:
                app: db
        spec:
            containers:
            - name: db
              image: postgres:16
              ports:
              - containerPort: 5432
`,
      files: {
        "policies.yaml": `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: other-app
spec:
  podSelector: {matchLabels: {app: other}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: elsewhere
spec:
  podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: egress-only
spec:
  podSelector: {}
  policyTypes: [Egress]
`,
      },
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    template:
        metadata:
            labels:
                app: db
        spec:
            containers:
            - name: db
              image: postgres:16
              ports:
              - containerPort: 5432
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
    name: db
spec:
    podSelector:
        matchLabels:
            app: db
    policyTypes:
    - Ingress
    ingress:
    - ports:
      - port: 5432
`,
    },
    {
      name: "multi-document with dont-fire; no fix without labels or declared ports",
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: dont-fire
spec:
  podSelector: {matchLabels: {app: dont-fire}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    metadata: {labels: {app: dont-fire}}
    spec:
      containers: [{name: app, image: "app:1", ports: [{containerPort: 80}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
#       ^^^^^^ network-policy: Deployment "worker" accepts connections from any pod: no NetworkPolicy in the default namespace selects labels app=worker for ingress, ${C}
spec:
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers: [{name: worker, image: "worker:1"}]
---
apiVersion: v1
kind: Pod
metadata:
  name: bare
#       ^^^^ network-policy: Pod "bare" accepts connections from any pod: its pods have no labels and no NetworkPolicy in the default namespace selects every pod for ingress, ${C}
spec:
  containers: [{name: app, image: "app:1", ports: [{containerPort: 80}]}]
`,
    },
    {
      name: "flow style, anchors, CRLF, no trailing newline",
      code: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: api}\r\n#                ^^^ network-policy: Deployment \"api\" accepts connections from any pod: no NetworkPolicy in the default namespace selects labels app=api for ingress, so one compromised pod anywhere in the cluster can reach it.\nspec:\r\n  selector: {matchLabels: &labels {app: api}}\r\n  template:\r\n    metadata: {labels: *labels}\r\n    spec: {containers: [{name: api, image: \"api:1\", ports: [{containerPort: 8443}]}]}",
      output: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: api}\r\nspec:\r\n  selector: {matchLabels: &labels {app: api}}\r\n  template:\r\n    metadata: {labels: *labels}\r\n    spec: {containers: [{name: api, image: \"api:1\", ports: [{containerPort: 8443}]}]}\r\n---\r\napiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: api\r\nspec:\r\n  podSelector:\r\n    matchLabels:\r\n      app: api\r\n  policyTypes:\r\n    - Ingress\r\n  ingress:\r\n    - ports:\r\n        - port: 8443\r\n",
    },
  ],
});
