import { antiAffinity } from '../../server/src/rules/anti-affinity';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(antiAffinity, {
  valid: [
    {
      name: "required and preferred podAntiAffinity, topologySpreadConstraints that select the own pods",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: dont-fire
  template:
    metadata:
      labels:
        app.kubernetes.io/name: dont-fire
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector:
                matchExpressions:
                  - key: app.kubernetes.io/name
                    operator: In
                    values: [dont-fire]
              topologyKey: kubernetes.io/hostname
      containers: [{name: app, image: "app:1"}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  replicas: 3
  template:
    metadata:
      labels: {app: db}
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector: {matchLabels: {app: db}}
                topologyKey: kubernetes.io/hostname
                namespaces: [data]
      containers: [{name: db, image: "postgres:16"}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: zonal
spec:
  replicas: 4
  template:
    metadata:
      labels: {app: zonal}
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector: {matchLabels: {app: zonal}}
      containers: [{name: a, image: "a:1"}]
`,
    },
    {
      name: "one replica, a DaemonSet, a CronJob",
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
      parallelism: 4
      template: {spec: {containers: [{name: a, image: "a:1"}]}}
`,
    },
    {
      name: "spread settings shared through an anchor",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a}
    spec:
      replicas: 2
      template:
        metadata: {labels: {tier: web}}
        spec:
          topologySpreadConstraints: &spread
            - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {tier: web}}}
          containers: [{name: a, image: "a:1"}]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: b}
    spec:
      replicas: 2
      template:
        metadata: {labels: {tier: web, app: b}}
        spec:
          topologySpreadConstraints: *spread
          containers: [{name: b, image: "b:1"}]
`,
    },
  ],
  invalid: [
    {
      name: "no spread at all: a constraint with the selector labels (2 spaces, indented sequences, comment kept)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#       ^^^ anti-affinity: Deployment "web" runs 3 replicas but it has neither podAntiAffinity nor topologySpreadConstraints: the scheduler may put every replica on one node, and losing that node takes them all down.
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        version: v2
    spec:
      containers:
        - name: web
          image: web:1
      # scheduling is left to the defaults
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        version: v2
    spec:
      containers:
        - name: web
          image: web:1
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: web
      # scheduling is left to the defaults
`,
    },
    {
      name: "a term for another namespace and a constraint for other pods do not count (4 spaces, unindented sequences)",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
#         ^^^ anti-affinity: Deployment "api" runs 2 replicas but its podAntiAffinity and topologySpreadConstraints do not select its own pods (labels app=api): the scheduler may put every replica on one node, and losing that node takes them all down.
    namespace: shop
spec:
    replicas: 2
    template:
        metadata:
            labels:
                app: api
        spec:
            affinity:
                podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                    - labelSelector:
                          matchLabels:
                              app: api
                      topologyKey: kubernetes.io/hostname
                      namespaces:
                      - other
            topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: kubernetes.io/hostname
              whenUnsatisfiable: DoNotSchedule
              labelSelector:
                  matchLabels:
                      app: foo
            containers:
            - name: api
              image: api:1
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
    namespace: shop
spec:
    replicas: 2
    template:
        metadata:
            labels:
                app: api
        spec:
            affinity:
                podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                    - labelSelector:
                          matchLabels:
                              app: api
                      topologyKey: kubernetes.io/hostname
                      namespaces:
                      - other
            topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: kubernetes.io/hostname
              whenUnsatisfiable: DoNotSchedule
              labelSelector:
                  matchLabels:
                      app: foo
            - maxSkew: 1
              topologyKey: kubernetes.io/hostname
              whenUnsatisfiable: ScheduleAnyway
              labelSelector:
                  matchLabels:
                      app: api
            containers:
            - name: api
              image: api:1
`,
    },
    {
      name: "an empty list is filled; an HPA in another file makes it replicated",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
#       ^^ anti-affinity: StatefulSet "db" is scaled by HorizontalPodAutoscaler "db" but it has neither podAntiAffinity nor topologySpreadConstraints: the scheduler may put every replica on one node, and losing that node takes them all down.
spec:
  template:
    metadata:
      labels: {app: db}
    spec:
      topologySpreadConstraints: []
      containers: [{name: db, image: "postgres:16"}]
`,
      files: {
        "hpa.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: db}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
  minReplicas: 1
  maxReplicas: 4
`,
      },
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    metadata:
      labels: {app: db}
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: db
      containers: [{name: db, image: "postgres:16"}]
`,
    },
    {
      name: "flow-style pod spec, CRLF",
      code: "apiVersion: apps/v1\r\nkind: ReplicaSet\r\nmetadata:\r\n  name: rs\r\n#       ^^ anti-affinity: ReplicaSet \"rs\" runs 2 replicas but it has neither podAntiAffinity nor topologySpreadConstraints: the scheduler may put every replica on one node, and losing that node takes them all down.\nspec:\r\n  replicas: 2\r\n  template:\r\n    metadata: {labels: {app: rs}}\r\n    spec: {containers: [{name: a, image: \"a:1\"}]}\r\n",
      output: "apiVersion: apps/v1\r\nkind: ReplicaSet\r\nmetadata:\r\n  name: rs\r\nspec:\r\n  replicas: 2\r\n  template:\r\n    metadata: {labels: {app: rs}}\r\n    spec: {containers: [{name: a, image: \"a:1\"}], topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: rs}}}]}\r\n",
    },
    {
      name: "no labels: reported, but no fix",
      code: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: app2
#       ^^^^ anti-affinity: DeploymentConfig "app2" runs 3 replicas but it has neither podAntiAffinity nor topologySpreadConstraints: the scheduler may put every replica on one node, and losing that node takes them all down.
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: app
`,
    },
  ],
});
