import { clusterAdminBinding } from '../../server/src/rules/cluster-admin-binding';
import { ruleTester } from '../helpers/ruleTester';

const CLUSTER = `controls the whole cluster, every Secret and RBAC itself included.`;
const NS = `controls everything in the namespace, its Secrets and RBAC included.`;

ruleTester.run(clusterAdminBinding, {
  valid: [
    {
      name: "a narrow ClusterRole; system: subjects; system: bindings",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dont-fire
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: Group
    name: developers
    apiGroup: rbac.authorization.k8s.io
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: masters
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: Group
    name: system:masters
    apiGroup: rbac.authorization.k8s.io
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: system:kube-controller-manager
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: User, name: admin}]
`,
    },
    {
      name: "a ClusterRole with wildcards but only read verbs is not cluster-admin",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: read-all
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: auditors
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: read-all}
subjects: [{kind: Group, name: auditors, apiGroup: rbac.authorization.k8s.io}]
`,
    },
    {
      name: "a binding with no subjects grants nothing",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: empty
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
`,
    },
  ],
  invalid: [
    {
      name: "cluster-admin on the whole cluster and in a namespace; system: subjects are left out",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin # TODO narrow down
#       ^^^^^^^^^^^^^ cluster-admin-binding: ClusterRoleBinding "ci" grants cluster-admin on the whole cluster to ServiceAccount ci/deployer: whoever steals its credential ${CLUSTER}
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
  - kind: Group
    name: system:masters
    apiGroup: rbac.authorization.k8s.io
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: team-admin
  namespace: shop
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
#                                                                       ^^^^^^^^^^^^^ cluster-admin-binding: RoleBinding "team-admin" grants cluster-admin in namespace \`shop\` to User alice, User bob, Group sre and 1 more: whoever steals a credential of any of them ${NS}
subjects: [{kind: User, name: alice}, {kind: User, name: bob}, {kind: Group, name: sre}, {kind: User, name: carol}]
`,
    },
    {
      name: "a ClusterRole that allows everything is cluster-admin by another name, in the same file",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ops-superuser
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ops-superuser
#       ^^^^^^^^^^^^^ cluster-admin-binding: ClusterRoleBinding "ops" grants ClusterRole "ops-superuser", which allows every change to every resource (cluster-admin by another name), on the whole cluster to User oncall: whoever steals its credential ${CLUSTER}
subjects:
  - kind: User
    name: oncall
`,
    },
    {
      name: "cross-file: the all-powerful role lives in another file; a Role bound in its namespace counts too",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ops-superuser
#       ^^^^^^^^^^^^^ cluster-admin-binding: ClusterRoleBinding "ops" grants ClusterRole "ops-superuser", which allows every change to every resource (cluster-admin by another name), on the whole cluster to User oncall: whoever steals its credential ${CLUSTER}
subjects:
  - kind: User
    name: oncall
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: shop-admins
  namespace: shop
roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: Role
    name: everything
#         ^^^^^^^^^^ cluster-admin-binding: RoleBinding "shop-admins" grants Role "everything", which allows every change to every resource (cluster-admin by another name), in namespace \`shop\` to Group shop-team: whoever steals its credential ${NS}
subjects:
- kind: Group
  name: shop-team
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: dont-fire
  namespace: other
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: everything}
subjects: [{kind: Group, name: other-team}]
`,
      files: {
        "rbac/roles.yaml": `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ops-superuser
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: everything
  namespace: shop
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: [get, list, watch, create, update, patch, delete]
`,
      },
    },
    {
      name: "anchors and CRLF",
      code: "apiVersion: rbac.authorization.k8s.io/v1\r\nkind: ClusterRoleBinding\r\nmetadata:\r\n  name: x\r\nroleRef:\r\n  apiGroup: rbac.authorization.k8s.io\r\n  kind: ClusterRole\r\n  name: &admin cluster-admin\r\n#              ^^^^^^^^^^^^^ cluster-admin-binding: ClusterRoleBinding \"x\" grants cluster-admin on the whole cluster to User cluster-admin: whoever steals its credential controls the whole cluster, every Secret and RBAC itself included.\nsubjects:\r\n- kind: User\r\n  name: *admin\r\n",
    },
  ],
});
