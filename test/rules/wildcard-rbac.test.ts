import { wildcardRbac } from '../../server/src/rules/wildcard-rbac';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(wildcardRbac, {
  valid: [
    {
      name: "explicit verbs, resources and groups",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dont-fire
  namespace: shop
rules:
  - apiGroups: ["", apps]
    resources: [pods, deployments]
    verbs: [get, list, watch]
`,
    },
    {
      name: "a binding is not a role",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "*"}
subjects: [{kind: User, name: "*"}]
`,
    },
  ],
  invalid: [
    {
      name: "each wildcard is reported where it is written; multi-document with dont-fire",
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dont-fire
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: operator
rules:
  - apiGroups:
      - "*" # every group
#       ^^^ wildcard-rbac: ClusterRole "operator" grants "*" in apiGroups: every API group, including the custom resources of operators installed later.
    resources:
      - "*"
#       ^^^ wildcard-rbac: ClusterRole "operator" grants "*" in resources: every resource of its API groups, Secrets and RBAC objects included, and any resource added later.
    verbs:
      - "*"
#       ^^^ wildcard-rbac: ClusterRole "operator" grants "*" in verbs: every verb, including escalate, bind and impersonate and any verb added later.
  - apiGroups: [apps]
    resources: [deployments/*, "*/scale"]
#               ^^^^^^^^^^^^^ wildcard-rbac: ClusterRole "operator" grants "deployments/*" in resources: every subresource of deployments (including ones added later).
#                              ^^^^^^^^^ wildcard-rbac: ClusterRole "operator" grants "*/scale" in resources: the scale subresource of every resource.
    verbs: [get]
`,
    },
    {
      name: "pods/* includes exec; 4-space indentation; anchors; CRLF",
      code: "apiVersion: rbac.authorization.k8s.io/v1\r\nkind: Role\r\nmetadata:\r\n    name: debug\r\n    namespace: shop\r\nrules:\r\n-   apiGroups: [\"\"]\r\n    resources: [\"pods/*\"]\r\n#               ^^^^^^^^ wildcard-rbac: Role \"debug\" grants \"pods/*\" in resources: every subresource of pods (exec, attach and portforward included).\n    verbs: &all [\"*\"]\r\n#                ^^^ wildcard-rbac: Role \"debug\" grants \"*\" in verbs: every verb, including escalate, bind and impersonate and any verb added later.\n-   apiGroups: [\"\"]\r\n    resources: [configmaps]\r\n    verbs: *all\r\n#          ^^^^ wildcard-rbac: Role \"debug\" grants \"*\" in verbs: every verb, including escalate, bind and impersonate and any verb added later.\n",
    },
  ],
});
