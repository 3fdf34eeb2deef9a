import { pdb } from '../../server/src/rules/pdb';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(pdb, {
  valid: [
    {
      name: "a PDB in another file selects the pods (cross-file)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: storefront}
  template:
    metadata:
      labels: {app: storefront, tier: web}
    spec:
      containers: [{name: web, image: "web:1"}]
`,
      files: {
        "pdb.yaml": `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: storefront
  namespace: shop
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: storefront}}
`,
      },
    },
    {
      name: "one replica, DaemonSet, CronJob: no PDB expected",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: single
spec:
  template:
    metadata: {labels: {app: single}}
    spec: {containers: [{name: a, image: "a:1"}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: "a:1"}]}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      parallelism: 3
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "an empty policy/v1 selector covers every pod of the namespace; matchExpressions",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 3
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: a, image: "a:1"}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: all
spec:
  maxUnavailable: 1
  selector: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  template:
    metadata: {labels: {app: web, track: stable}}
    spec: {containers: [{name: a, image: "a:1"}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 1
  selector:
    matchExpressions:
      - {key: app, operator: In, values: [web, api]}
      - {key: canary, operator: DoesNotExist}
`,
    },
  ],
  invalid: [
    {
      name: "the budget is added right after the workload (multi-document, comments kept)",
      code: `# storefront
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
#       ^^^^^^^^^^ pdb: Deployment "storefront" runs 3 replicas but no PodDisruptionBudget in namespace \`shop\` selects labels app=storefront,tier=web: a node drain or cluster upgrade can evict all of its pods at once.
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: storefront
  template:
    metadata:
      labels:
        app: storefront
        tier: web
    spec:
      containers:
        - name: web
          image: web:1
# end of storefront
---
apiVersion: v1
kind: Service
metadata:
  name: storefront
  namespace: shop
spec:
  selector: {app: storefront}
  ports: [{port: 80}]
`,
      output: `# storefront
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: storefront
  template:
    metadata:
      labels:
        app: storefront
        tier: web
    spec:
      containers:
        - name: web
          image: web:1
# end of storefront
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: storefront
  namespace: shop
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: storefront
---
apiVersion: v1
kind: Service
metadata:
  name: storefront
  namespace: shop
spec:
  selector: {app: storefront}
  ports: [{port: 80}]
`,
    },
    {
      name: "a PDB in another namespace or with other labels does not count (cross-file)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
#         ^^^ pdb: Deployment "api" runs 2 replicas but no PodDisruptionBudget in namespace \`shop\` selects labels app=api: a node drain or cluster upgrade can evict all of its pods at once.
    namespace: shop
spec:
    replicas: 2
    selector:
        matchLabels:
            app: api
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
        "pdbs.yaml": `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
  namespace: other
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: api}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api-old
  namespace: shop
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: api-v1}}
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
        matchLabels:
            app: api
    template:
        metadata:
            labels:
                app: api
        spec:
            containers:
            - name: api
              image: api:1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
    name: api
    namespace: shop
spec:
    maxUnavailable: 1
    selector:
        matchLabels:
            app: api
`,
    },
    {
      name: "an autoscaled StatefulSet; matchExpressions are copied; a taken name gets -pdb",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
#       ^^ pdb: StatefulSet "db" is scaled by HorizontalPodAutoscaler "db" but no PodDisruptionBudget in the default namespace selects labels app=db,role=replica: a node drain or cluster upgrade can evict all of its pods at once.
spec:
  selector:
    matchLabels: {app: db}
    matchExpressions:
      - {key: role, operator: In, values: [primary, replica]}
  template:
    metadata:
      labels: {app: db, role: replica}
    spec:
      containers: [{name: db, image: "postgres:16"}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: db
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
  minReplicas: 2
  maxReplicas: 5
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  maxUnavailable: 1
  selector: {}
`,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  selector:
    matchLabels: {app: db}
    matchExpressions:
      - {key: role, operator: In, values: [primary, replica]}
  template:
    metadata:
      labels: {app: db, role: replica}
    spec:
      containers: [{name: db, image: "postgres:16"}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db-pdb
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: db
    matchExpressions:
      - key: role
        operator: In
        values:
          - primary
          - replica
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: db
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
  minReplicas: 2
  maxReplicas: 5
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  maxUnavailable: 1
  selector: {}
`,
    },
    {
      name: "flow style, CRLF, no trailing newline",
      code: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: web}\r\n#                ^^^ pdb: Deployment \"web\" runs 2 replicas but no PodDisruptionBudget in the default namespace selects labels app=web: a node drain or cluster upgrade can evict all of its pods at once.\nspec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: \"web:1\"}]}}}",
      output: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: web}\r\nspec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: \"web:1\"}]}}}\r\n---\r\napiVersion: policy/v1\r\nkind: PodDisruptionBudget\r\nmetadata:\r\n  name: web\r\nspec:\r\n  maxUnavailable: 1\r\n  selector:\r\n    matchLabels:\r\n      app: web\r\n",
    },
    {
      name: "a selector that does not match the template: no fix (the budget would select nothing)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
#       ^^^^^^ pdb: Deployment "broken" runs 2 replicas but no PodDisruptionBudget in the default namespace selects labels app=broken: a node drain or cluster upgrade can evict all of its pods at once.
spec:
  replicas: 2
  selector:
    matchLabels: {app: brokn}
  template:
    metadata:
      labels: {app: broken}
    spec:
      containers: [{name: a, image: "a:1"}]
`,
    },
  ],
});
