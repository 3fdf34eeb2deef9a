import { workloadCreateRbac } from '../../server/src/rules/workload-create-rbac';
import { ruleTester } from '../helpers/ruleTester';

const WHY = 'and act with those rights.';

ruleTester.run(workloadCreateRbac, {
  valid: [
    { name: 'read-only access to pods', code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: dont-fire, namespace: dev}
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list", "watch"]` },
    { name: 'create on deployments in a group that has none', code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: crd-admin}
rules:
  - apiGroups: ["example.com"]
    resources: ["deployments"]
    verbs: ["create"]` },
    { name: 'a wildcard resource is wildcard-rbac\'s finding', code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: w, namespace: dev}
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["create"]` },
  ],
  invalid: [
    {
      name: 'create on pods in a Role, * on deployments in a ClusterRole (flow style, multi-document)',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: role1
  namespace: namespace-dev
rules:
  - apiGroups: [""]
    resources: ["pods"]
#               ^^^^^^ workload-create-rbac: Role "role1" grants create on pods: its subjects can start pods that mount any service account or Secret in namespace \`namespace-dev\` ${WHY}
    verbs: ["create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: deployer}
rules: [{apiGroups: [apps, batch], resources: [deployments, cronjobs, configmaps], verbs: ["*"]}]
#                                              ^^^^^^^^^^^ workload-create-rbac: ClusterRole "deployer" grants every verb on deployments: its subjects can start pods that mount any service account or Secret in every namespace where it is bound ${WHY}
#                                                           ^^^^^^^^ workload-create-rbac: ClusterRole "deployer" grants every verb on cronjobs: its subjects can start pods that mount any service account or Secret in every namespace where it is bound ${WHY}`,
    },
  ],
});
