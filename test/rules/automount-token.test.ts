import { automountToken } from '../../server/src/rules/automount-token';
import { ruleTester } from '../helpers/ruleTester';

const C = `and no RoleBinding or ClusterRoleBinding in the workspace grants that account a role; a compromised container gets an API credential for free.`;

ruleTester.run(automountToken, {
  valid: [
    {
      name: "the pod opts out",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      automountServiceAccountToken: false
      containers:
        - name: web
          image: nginx:1.27
`,
    },
    {
      name: "the ServiceAccount opts out, in the same file",
      code: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      serviceAccountName: web
      containers: [{name: web, image: "nginx:1.27"}]
`,
    },
    {
      name: "cross-file: a binding grants the account a role, so the token is needed",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: operator
  namespace: ops
spec:
  template:
    spec:
      serviceAccountName: operator
      automountServiceAccountToken: true
      containers: [{name: operator, image: "operator:1"}]
`,
      files: {
      "rbac.yaml": `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: operator
  namespace: ops
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: operator}
subjects:
  - kind: ServiceAccount
    name: operator
    namespace: ops
`,
    },
    },
    {
      name: "batch workloads are out of scope",
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      containers: [{name: job, image: "busybox:1.36"}]
      restartPolicy: Never
`,
    },
  ],
  invalid: [
    {
      name: "the pod sets true, which wins over its ServiceAccount",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
spec:
  automountServiceAccountToken: true # copied from an example
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ automount-token: Pod "test-pod" mounts a token for service account "test" that it does not seem to need: the pod sets automountServiceAccountToken: true, ${C}
  serviceAccountName: test
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: test
automountServiceAccountToken: false
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
spec:
  automountServiceAccountToken: false # copied from an example
  serviceAccountName: test
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: test
automountServiceAccountToken: false
`,
    },
    {
      name: "neither the pod nor the ServiceAccount opts out; multi-document with dont-fire; 4-space indentation",
      code: `apiVersion: v1
kind: ServiceAccount
metadata:
    name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: dont-fire
spec:
    template:
        spec:
            serviceAccountName: api
            automountServiceAccountToken: false
            containers:
            - name: api
              image: api:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
#         ^^^ automount-token: Deployment "api" mounts a token for service account "api" that it does not seem to need: neither the pod nor ServiceAccount "api" sets automountServiceAccountToken: false, ${C}
spec:
    template:
        spec:
            serviceAccountName: api
            containers:
            - name: api
              image: api:1
`,
      output: `apiVersion: v1
kind: ServiceAccount
metadata:
    name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: dont-fire
spec:
    template:
        spec:
            serviceAccountName: api
            automountServiceAccountToken: false
            containers:
            - name: api
              image: api:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
spec:
    template:
        spec:
            serviceAccountName: api
            containers:
            - name: api
              image: api:1
            automountServiceAccountToken: false
`,
      fixes: {
        "Set automountServiceAccountToken: false": `apiVersion: v1
kind: ServiceAccount
metadata:
    name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: dont-fire
spec:
    template:
        spec:
            serviceAccountName: api
            automountServiceAccountToken: false
            containers:
            - name: api
              image: api:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
spec:
    template:
        spec:
            serviceAccountName: api
            containers:
            - name: api
              image: api:1
            automountServiceAccountToken: false
`,
      },
    },
    {
      name: "cross-file: the ServiceAccount is in another namespace, so it does not count",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
#       ^^^^^^ automount-token: Deployment "worker" mounts a token for service account "worker" that it does not seem to need: the pod does not set automountServiceAccountToken: false and ServiceAccount "worker" is not in namespace \`jobs\` of the workspace, ${C}
  namespace: jobs
spec:
  template:
    spec:
      serviceAccountName: worker
      containers:
        - name: worker
          image: worker:1
`,
      files: {
        "sa.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: worker
  namespace: other
automountServiceAccountToken: false
`,
      },
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: jobs
spec:
  template:
    spec:
      serviceAccountName: worker
      containers:
        - name: worker
          image: worker:1
      automountServiceAccountToken: false
`,
    },
    {
      name: "flow style, anchors, CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: &n p}\r\n#                   ^ automount-token: Pod \"p\" mounts a token for service account \"p\" that it does not seem to need: the pod does not set automountServiceAccountToken: false and ServiceAccount \"p\" is not in the default namespace of the workspace, and no RoleBinding or ClusterRoleBinding in the workspace grants that account a role; a compromised container gets an API credential for free.\nspec: {serviceAccountName: *n, containers: [{name: app, image: \"app:1\"}]}\r\n",
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: &n p}\r\nspec: {serviceAccountName: *n, containers: [{name: app, image: \"app:1\"}], automountServiceAccountToken: false}\r\n",
    },
  ],
});
