import { replicas } from '../../server/src/rules/replicas';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(replicas, {
  valid: [
    {
      name: "two replicas or more; DaemonSet, Job and CronJob are not judged; 0 is switched off on purpose",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  replicas: 2
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
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
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: parked
spec:
  replicas: 0
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "an HPA in another file keeps at least two",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
      files: {
        "hpa.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
`,
      },
    },
    {
      name: "a KEDA ScaledObject with minReplicaCount 2",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 1
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: worker
spec:
  scaleTargetRef:
    name: worker
  minReplicaCount: 2
`,
    },
    {
      name: "minimum lowered to 1 by settings",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: single
spec:
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
      settings: {"replicas":{"minimum":1}},
    },
    {
      name: "an alias to 3 replicas",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a}
    spec:
      replicas: &n 3
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec:
      replicas: *n
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
  ],
  invalid: [
    {
      name: "missing replicas: inserted as the first key of spec, above the comment that leads into it",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#       ^^^ replicas: Deployment "web" runs 1 replica (spec.replicas is not set; at least 2 expected): every node drain, crash or rollout of that pod is an outage.
spec:
  # pods are found by this selector
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
          image: web:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  replicas: 3
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  # pods are found by this selector
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
          image: web:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  replicas: 3
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "replicas: 1 is replaced, its comment kept (4-space indentation)",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    serviceName: db
    replicas: 1 # one primary
#             ^ replicas: StatefulSet "db" runs 1 replica (at least 2 expected): every node drain, crash or rollout of that pod is an outage.
    template:
        spec:
            containers:
            - name: db
              image: postgres:16
`,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: db
spec:
    serviceName: db
    replicas: 2 # one primary
    template:
        spec:
            containers:
            - name: db
              image: postgres:16
`,
    },
    {
      name: "flow-style spec",
      code: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
#                ^^ replicas: ReplicaSet "rs" runs 1 replica (spec.replicas is not set; at least 2 expected): every node drain, crash or rollout of that pod is an outage.
spec: {selector: {matchLabels: {app: rs}}, template: {metadata: {labels: {app: rs}}, spec: {containers: [{name: a, image: "a:1"}]}}}
`,
      output: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec: {selector: {matchLabels: {app: rs}}, template: {metadata: {labels: {app: rs}}, spec: {containers: [{name: a, image: "a:1"}]}}, replicas: 2}
`,
    },
    {
      name: "CRLF",
      code: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\n#       ^^^ replicas: Deployment \"web\" runs 1 replica (spec.replicas is not set; at least 2 expected): every node drain, crash or rollout of that pod is an outage.\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: web\r\n        image: web:1\r\n",
      output: "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\nspec:\r\n  replicas: 2\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: web\r\n        image: web:1\r\n",
    },
    {
      name: "minimum raised to 3: two replicas are too few",
      code: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  replicas: 2
#           ^ replicas: Rollout "canary" runs 2 replicas (at least 3 expected): a node drain or crash during a rollout can leave it without a ready pod.
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
      settings: {"replicas":{"minimum":3}},
      output: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  replicas: 3
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "an alias to one replica: the alias is replaced, the anchor kept",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: defaults}
    data: {replicas: &one 1}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec:
      replicas: *one
#               ^^^^ replicas: Deployment "b" runs 1 replica (at least 2 expected): every node drain, crash or rollout of that pod is an outage.
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
      output: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: defaults}
    data: {replicas: &one 1}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec:
      replicas: 2
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "an HPA in another file with minReplicas 1: reported, and no fix (spec.replicas does not matter)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#       ^^^ replicas: Deployment "web" is scaled by HorizontalPodAutoscaler "web-hpa" with minReplicas 1 (at least 2 expected): at low load it keeps 1 pod, so every node drain, crash or rollout of that pod is an outage.
spec:
  replicas: 3
  template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
      files: {
        "hpa.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web-hpa
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 10
`,
      },
    },
    {
      name: "an HPA in another namespace does not count",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#       ^^^ replicas: Deployment "web" runs 1 replica (spec.replicas is not set; at least 2 expected): every node drain, crash or rollout of that pod is an outage.
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: a
          image: a:1
`,
      files: {
        "hpa.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: other
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 3
  maxReplicas: 10
`,
      },
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: a
          image: a:1
`,
    },
  ],
});
