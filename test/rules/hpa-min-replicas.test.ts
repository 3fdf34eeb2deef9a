import { hpaMinReplicas } from '../../server/src/rules/hpa-min-replicas';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(hpaMinReplicas, {
  valid: [
    {
      name: "minReplicas 2 (dont-fire); other kinds are not judged",
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: dont-fire
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: queue
spec:
  scaleTargetRef: {name: worker}
`,
    },
    {
      name: "a template value is not judged",
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  minReplicas: "3"
  maxReplicas: 10
`,
    },
  ],
  invalid: [
    {
      name: "minReplicas 1 and missing minReplicas, multi-document",
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: one
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
#              ^ hpa-min-replicas: HorizontalPodAutoscaler "one" has minReplicas 1 (at least 2 expected): at low load it scales down to a single pod, and every node drain or crash is then an outage.
  maxReplicas: 10
---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: unset}
#                ^^^^^ hpa-min-replicas: HorizontalPodAutoscaler "unset" has no minReplicas, so Kubernetes uses 1 (at least 2 expected): at low load it scales down to a single pod, and every node drain or crash is then an outage.
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}, maxReplicas: 5, targetCPUUtilizationPercentage: 80}
`,
    },
    {
      name: "settings raise the minimum to 3; an alias",
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: a}
    spec:
      minReplicas: &min 2
#                       ^ hpa-min-replicas: HorizontalPodAutoscaler "a" has minReplicas 2 (at least 3 expected): at low load it scales down to 2 pods, and one node drain or crash then leaves a single pod to carry the load.
      maxReplicas: 10
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: b}
    spec:
      minReplicas: *min
#                  ^^^^ hpa-min-replicas: HorizontalPodAutoscaler "b" has minReplicas 2 (at least 3 expected): at low load it scales down to 2 pods, and one node drain or crash then leaves a single pod to carry the load.
      maxReplicas: 10
`,
      settings: {"replicas":{"minimum":3}},
    },
  ],
});
