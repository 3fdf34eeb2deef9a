import { defaultServiceAccount } from '../../server/src/rules/default-service-account';
import { ruleTester } from '../helpers/ruleTester';

const C = `every workload of the namespace without its own account shares this identity, so a permission granted to one is granted to all of them.`;

ruleTester.run(defaultServiceAccount, {
  valid: [
    {
      name: "its own service account",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      serviceAccountName: shop
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: "Jobs and CronJobs are batch work, not long-running",
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
`,
    },
    {
      name: "the deprecated serviceAccount field still names an account; anchors",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: &n legacy
spec:
  serviceAccount: *n
  containers:
  - name: app
    image: app:1
`,
    },
  ],
  invalid: [
    {
      name: "no serviceAccountName: a ServiceAccount is created after the workload and used",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
#       ^^^^ default-service-account: Deployment "shop" runs as the default service account (no serviceAccountName): ${C}
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
      # end of pod spec
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
      serviceAccountName: shop
      # end of pod spec
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: shop
  namespace: prod
automountServiceAccountToken: false
`,
      fixes: {
        "Create ServiceAccount shop and use it": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
      serviceAccountName: shop
      # end of pod spec
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: shop
  namespace: prod
automountServiceAccountToken: false
`,
      },
    },
    {
      name: "serviceAccountName: default is replaced; multi-document with dont-fire; 4-space, sequences not indented",
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: dont-fire
spec:
    template:
        spec:
            serviceAccountName: db
            containers:
            - name: db
              image: postgres:16
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: cache
spec:
    template:
        spec:
            serviceAccountName: default # TODO
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ default-service-account: StatefulSet "cache" runs as the default service account (serviceAccountName: default): ${C}
            containers:
            - name: redis
              image: redis:7.2
---
apiVersion: v1
kind: ConfigMap
metadata:
    name: after
`,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: dont-fire
spec:
    template:
        spec:
            serviceAccountName: db
            containers:
            - name: db
              image: postgres:16
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
    name: cache
spec:
    template:
        spec:
            serviceAccountName: cache # TODO
            containers:
            - name: redis
              image: redis:7.2
---
apiVersion: v1
kind: ServiceAccount
metadata:
    name: cache
automountServiceAccountToken: false
---
apiVersion: v1
kind: ConfigMap
metadata:
    name: after
`,
    },
    {
      name: "flow style, CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\n#                ^ default-service-account: Pod \"p\" runs as the default service account (no serviceAccountName): every workload of the namespace without its own account shares this identity, so a permission granted to one is granted to all of them.\nspec: {containers: [{name: app, image: \"app:1\"}]}",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\nspec: {containers: [{name: app, image: \"app:1\"}], serviceAccountName: p}\r\n---\r\napiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: p\r\nautomountServiceAccountToken: false\r\n",
    },
    {
      name: "cross-file: no fix when the account name is taken or a binding grants the default account a role",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#       ^^^ default-service-account: Deployment "web" runs as the default service account (no serviceAccountName): ${C}
spec:
  template:
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: tool
#       ^^^^ default-service-account: Deployment "tool" runs as the default service account (no serviceAccountName): ${C}
  namespace: ops
spec:
  template:
    spec:
      containers: [{name: tool, image: "tool:1"}]
`,
      files: {
        "rbac.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: legacy
  namespace: ops
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: default, namespace: ops}]
`,
      },
    },
  ],
});
