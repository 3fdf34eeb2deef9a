import { pdbBlocksEviction } from '../../server/src/rules/pdb-blocks-eviction';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(pdbBlocksEviction, {
  valid: [
    {
      name: "maxUnavailable 1, a percentage, minAvailable below the replicas (cross-file)",
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: dont-fire
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: web}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pct
spec:
  maxUnavailable: 10%
  selector: {matchLabels: {app: web}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: min
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: min-pct
spec:
  minAvailable: 60%
  selector: {matchLabels: {app: web}}
`,
      files: {
        "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1"}]
`,
      },
    },
    {
      name: "minAvailable that selects nothing, or only a DaemonSet (pod count unknown)",
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: nothing
spec:
  minAvailable: 5
  selector: {matchLabels: {app: nothing}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: agent
spec:
  minAvailable: 1
  selector: {matchLabels: {app: agent}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: "a:1"}]}
`,
    },
    {
      name: "an HPA floor above minAvailable",
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 3
  maxReplicas: 10
`,
      files: {
        "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1"}]
`,
      },
    },
  ],
  invalid: [
    {
      name: "maxUnavailable 0 and \"0%\", minAvailable 100% (no workload needed), also beside maxUnavailable",
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zero
spec:
  maxUnavailable: 0
#                 ^ pdb-blocks-eviction: PodDisruptionBudget "zero" sets maxUnavailable: 0, so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.
  selector: {matchLabels: {app: web}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zero-pct
spec:
  maxUnavailable: "0%"
#                 ^^^^ pdb-blocks-eviction: PodDisruptionBudget "zero-pct" sets maxUnavailable: 0%, so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.
  selector: {matchLabels: {app: web}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all}
spec: {minAvailable: 100%, selector: {matchLabels: {app: web}}}
#                    ^^^^ pdb-blocks-eviction: PodDisruptionBudget "all" requires minAvailable: 100% of its pods, so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: both-set
spec:
  maxUnavailable: 5
  minAvailable: 100%
#               ^^^^ pdb-blocks-eviction: PodDisruptionBudget "both-set" requires minAvailable: 100% of its pods, so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.
`,
    },
    {
      name: "minAvailable equal to the replicas of the Deployment in another file",
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 3
#               ^ pdb-blocks-eviction: PodDisruptionBudget "web" requires minAvailable: 3, but it covers only 3 pods (Deployment "web"), so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.
  selector:
    matchLabels:
      app: web
`,
      files: {
        "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1"}]
`,
      },
    },
    {
      name: "minAvailable against the HPA floor; a percentage rounds up; CRLF",
      code: "apiVersion: policy/v1\r\nkind: PodDisruptionBudget\r\nmetadata:\r\n  name: web\r\nspec:\r\n  minAvailable: 51%\r\n#               ^^^ pdb-blocks-eviction: PodDisruptionBudget \"web\" requires minAvailable: 51%, but it covers only 2 pods (Deployment \"web\", at the minimum of HorizontalPodAutoscaler \"web\"), so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.\n  selector: {matchLabels: {app: web}}\r\n---\r\napiVersion: autoscaling/v2\r\nkind: HorizontalPodAutoscaler\r\nmetadata:\r\n  name: web\r\nspec:\r\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\r\n  minReplicas: 2\r\n  maxReplicas: 10\r\n",
      files: {
        "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1"}]
`,
      },
    },
    {
      name: "several workloads: their pods add up; replicas unset counts as 1",
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: tier
spec:
  minAvailable: 2
#               ^ pdb-blocks-eviction: PodDisruptionBudget "tier" requires minAvailable: 2, but it covers only 2 pods (Pod "b" and Deployment "a"), so it never allows an eviction: node drains and cluster upgrades hang until someone deletes the budget.
  selector:
    matchLabels: {tier: web}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
spec:
  template:
    metadata: {labels: {tier: web, app: a}}
    spec: {containers: [{name: a, image: "a:1"}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: b
  labels: {tier: web}
spec:
  containers: [{name: b, image: "b:1"}]
`,
    },
  ],
});
