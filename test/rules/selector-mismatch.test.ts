import { selectorMismatch } from '../../server/src/rules/selector-mismatch';
import { ruleTester } from '../helpers/ruleTester';

const REJECTED = 'the API server rejects the object, so it is never rolled out.';
const msg = (subject: string, selector: string, labels: string, consequence = REJECTED) =>
  `The selector of ${subject} (${selector}) does not match its pod template labels (${labels}): ${consequence}`;

ruleTester.run(selectorMismatch, {
  valid: [
    `apiVersion: apps/v1
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
        version: v2
    spec:
      containers:
        - name: web
          image: web:1.0
`,
    {
      name: 'expressions that hold; labels through an anchor',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels: &labels {app: db, tier: data}
spec:
  selector:
    matchLabels: {app: db}
    matchExpressions:
      - {key: tier, operator: In, values: [data, cache]}
      - {key: canary, operator: DoesNotExist}
  template:
    metadata:
      labels: *labels
    spec:
      containers: [{name: db, image: "postgres:16"}]
`,
    },
    { name: 'ReplicationController with a plain selector', code: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  selector: {app: rc}\n  template:\n    metadata: {labels: {app: rc}}\n    spec: {containers: [{name: a, image: "a:1"}]}\n' },
    { name: 'no selector (defaulted or reported by the API server)', code: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: dc}\nspec:\n  template:\n    metadata: {labels: {app: dc}}\n    spec: {containers: [{name: a, image: "a:1"}]}\n' },
    { name: 'a Rollout that references a Deployment has no template', code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  selector: {matchLabels: {app: r}}\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n' },
    { name: 'Jobs generate their selector', code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec: {restartPolicy: Never, containers: [{name: a, image: "a:1"}]}\n' },
  ],
  invalid: [
    {
      name: 'template without labels, beside a dont-fire Deployment: the labels are added',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  selector:
    matchLabels:
      app: dont-fire
  template:
    metadata:
      labels:
        app: dont-fire
    spec:
      containers:
        - name: app
          image: app:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
spec:
  selector:
# ^^^^^^^^ selector-mismatch: ${msg('Deployment "app1"', 'app=app1', 'none')}
    matchLabels:
      app: app1
  template:
    metadata:
      annotations:
        team: shop # owner
    spec:
      containers:
        - name: app
          image: app:1.0
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  selector:
    matchLabels:
      app: dont-fire
  template:
    metadata:
      labels:
        app: dont-fire
    spec:
      containers:
        - name: app
          image: app:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
spec:
  selector:
    matchLabels:
      app: app1
  template:
    metadata:
      annotations:
        team: shop # owner
      labels:
        app: app1
    spec:
      containers:
        - name: app
          image: app:1.0
`,
    },
    {
      name: 'a missing label is added among the others, 4-space indentation, sequences not indented',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
    name: agent
spec:
    selector:
#   ^^^^^^^^ selector-mismatch: ${msg('DaemonSet "agent"', 'app=agent, component=node', 'app=agent')}
        matchLabels:
            app: agent
            component: node
    template:
        metadata:
            labels:
                app: agent
                # more labels below
        spec:
            containers:
            - name: agent
              image: agent:2.1
`,
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
    name: agent
spec:
    selector:
        matchLabels:
            app: agent
            component: node
    template:
        metadata:
            labels:
                app: agent
                component: node
                # more labels below
        spec:
            containers:
            - name: agent
              image: agent:2.1
`,
    },
    {
      name: 'ReplicationController without template metadata, CRLF',
      code: 'apiVersion: v1\r\nkind: ReplicationController\r\nmetadata:\r\n  name: legacy\r\nspec:\r\n  replicas: 2\r\n  selector:\r\n# ^^^^^^^^ selector-mismatch: ' + msg('ReplicationController "legacy"', 'app=legacy', 'none') + '\n    app: legacy\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: legacy\r\n        image: legacy:1\r\n',
      output: 'apiVersion: v1\r\nkind: ReplicationController\r\nmetadata:\r\n  name: legacy\r\nspec:\r\n  replicas: 2\r\n  selector:\r\n    app: legacy\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: legacy\r\n        image: legacy:1\r\n    metadata:\r\n      labels:\r\n        app: legacy\r\n',
    },
    {
      name: 'DeploymentConfig in flow style: the label goes into the flow map',
      code: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: {name: app2}
spec: {selector: {app: app2, tier: web}, template: {metadata: {labels: {app: app2}}, spec: {containers: [{name: app2, image: "app:2"}]}}}
#      ^^^^^^^^ selector-mismatch: ${msg('DeploymentConfig "app2"', 'app=app2, tier=web', 'app=app2')}
`,
      output: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: {name: app2}
spec: {selector: {app: app2, tier: web}, template: {metadata: {labels: {app: app2, tier: web}}, spec: {containers: [{name: app2, image: "app:2"}]}}}
`,
    },
    {
      name: 'no fix when a label has another value, when an expression fails, or when the labels come from a merge key',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: conflict
spec:
  selector:
# ^^^^^^^^ selector-mismatch: ${msg('Deployment "conflict"', 'app=web', 'app=api')}
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: api:1.0
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: expr
spec:
  selector:
# ^^^^^^^^ selector-mismatch: ${msg('StatefulSet "expr"', 'app=db, tier in (data)', 'app=db')}
    matchLabels: {app: db}
    matchExpressions: [{key: tier, operator: In, values: [data]}]
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: merged
  labels: &labels {app: other}
spec:
  selector:
# ^^^^^^^^ selector-mismatch: ${msg('Rollout "merged"', 'app=merged', 'app=other', 'the Argo Rollouts controller marks it InvalidSpec and never creates its pods.')}
    matchLabels: {app: merged}
  template:
    metadata:
      <<: {labels: *labels}
    spec:
      containers: [{name: app, image: "app:1"}]
`,
    },
  ],
});
