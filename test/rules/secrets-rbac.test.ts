import { secretsRbac } from '../../server/src/rules/secrets-rbac';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(secretsRbac, {
  valid: [
    {
      name: "named secrets only, writes only, other groups",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dont-fire
  namespace: shop
rules:
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [shop-tls]
    verbs: [get]
  - apiGroups: [""]
    resources: [secrets]
    verbs: [create]
  - apiGroups: [external-secrets.io]
    resources: [secrets]
    verbs: [get]
`,
    },
  ],
  invalid: [
    {
      name: "a Role reads every Secret of its namespace; multi-document with dont-fire",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dont-fire
  namespace: shop
rules:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources:
      - configmaps
      - secrets # for the TLS reloader
#       ^^^^^^^ secrets-rbac: Role "reader" grants get, list, watch on secrets without resourceNames: its subjects read every Secret of namespace \`shop\`.
    verbs: [get, list, watch]
`,
    },
    {
      name: "a ClusterRole, verbs \"*\", no namespace; anchors; CRLF",
      code: "apiVersion: rbac.authorization.k8s.io/v1\r\nkind: ClusterRole\r\nmetadata:\r\n  name: secret-sync\r\nrules:\r\n- apiGroups: [\"*\"]\r\n  resources: [&s secrets]\r\n#                ^^^^^^^ secrets-rbac: ClusterRole \"secret-sync\" grants every verb on secrets without resourceNames: its subjects read every Secret of every namespace through a ClusterRoleBinding (of one namespace through a RoleBinding).\n  verbs: [\"*\"]\r\n---\r\napiVersion: rbac.authorization.k8s.io/v1\r\nkind: Role\r\nmetadata:\r\n  name: lister\r\nrules:\r\n- apiGroups: [\"\"]\r\n  resources: [secrets]\r\n#             ^^^^^^^ secrets-rbac: Role \"lister\" grants list on secrets without resourceNames: its subjects read every Secret of the default namespace.\n  verbs: [list]\r\n",
    },
  ],
});
