import { execRbac } from '../../server/src/rules/exec-rbac';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(execRbac, {
  valid: [
    {
      name: "reading pods and logs is fine; exec in another API group does not exist",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: dont-fire
rules:
  - apiGroups: [""]
    resources: [pods, pods/log]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [pods/exec]
    verbs: [list]
  - apiGroups: [apps]
    resources: ["*"]
    verbs: [create]
  - apiGroups: [""]
    resources: [pods/exec]
    resourceNames: [debug-pod]
    verbs: [create]
`,
    },
  ],
  invalid: [
    {
      name: "create on pods/exec and pods/attach; get opens exec over WebSocket; multi-document with dont-fire",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dont-fire
  namespace: shop
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
  namespace: shop
rules:
  - apiGroups: [""]
    resources:
      - pods/exec # for kubectl exec
#       ^^^^^^^^^ exec-rbac: Role "debugger" grants create on pods/exec: its subjects get a shell in every pod of namespace \`shop\`, with their tokens and Secrets.
      - pods/attach
#       ^^^^^^^^^^^ exec-rbac: Role "debugger" grants create on pods/attach: its subjects get a shell in every pod of namespace \`shop\`, with their tokens and Secrets.
    verbs: [create]
  - apiGroups: [""]
    resources: [pods/exec]
#               ^^^^^^^^^ exec-rbac: Role "debugger" grants get on pods/exec (exec over WebSocket needs only get): its subjects get a shell in every pod of namespace \`shop\`, with their tokens and Secrets.
    verbs: [get]
`,
    },
    {
      name: "wildcards: every resource or every pods subresource, every verb; a ClusterRole reaches every namespace",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: support
rules:
- apiGroups: ["*"]
  resources: ["*"]
#             ^^^ exec-rbac: ClusterRole "support" grants create on every resource ("*"), pods/exec and pods/attach included: its subjects get a shell in every pod of every namespace through a ClusterRoleBinding (of one namespace through a RoleBinding), with their tokens and Secrets.
  verbs: [create]
- apiGroups: [""]
  resources: [pods/*]
#             ^^^^^^ exec-rbac: ClusterRole "support" grants every verb on "pods/*", pods/exec or pods/attach included: its subjects get a shell in every pod of every namespace through a ClusterRoleBinding (of one namespace through a RoleBinding), with their tokens and Secrets.
  verbs: ["*"]
`,
    },
    {
      name: "4-space indentation, anchors, CRLF",
      code: "apiVersion: rbac.authorization.k8s.io/v1\r\nkind: Role\r\nmetadata:\r\n    name: r\r\nrules:\r\n-   apiGroups: [\"\"]\r\n    resources: [&exec pods/exec]\r\n#                     ^^^^^^^^^ exec-rbac: Role \"r\" grants create on pods/exec: its subjects get a shell in every pod of the default namespace, with their tokens and Secrets.\n    verbs: [create]\r\n-   apiGroups: [\"\"]\r\n    resources: [*exec]\r\n#               ^^^^^ exec-rbac: Role \"r\" grants get on pods/exec (exec over WebSocket needs only get): its subjects get a shell in every pod of the default namespace, with their tokens and Secrets.\n    verbs: [get]\r\n",
    },
  ],
});
