import { sharedRwoVolume } from '../../server/src/rules/shared-rwo-volume';
import { ruleTester } from '../helpers/ruleTester';

const MULTI_ATTACH = 'replicas on a second node stay ContainerCreating with a Multi-Attach error.';
const unknown = (where: string) => `which is not in the workspace (${where}), so its access mode is unknown (most claims are ReadWriteOnce)`;

const deployment = (replicas: string, claim = 'uploads', ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${ns ? `\n  namespace: ${ns}` : ''}
spec:${replicas ? `\n  replicas: ${replicas}` : ''}
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
          volumeMounts:
            - name: uploads
              mountPath: /srv/uploads
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: ${claim}
`;

const pvc = (modes: string, ns = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads${ns ? `\n  namespace: ${ns}` : ''}
spec:
  accessModes: [${modes}]
  resources:
    requests:
      storage: 5Gi
`;

ruleTester.run(sharedRwoVolume, {
  valid: [
    { name: 'one replica (replicas unset)', code: deployment('') },
    { name: 'one replica', code: deployment('1') },
    { name: 'ReadWriteMany claim in another file', code: deployment('3'), files: { 'pvc.yaml': pvc('ReadWriteMany') } },
    { name: 'ReadOnlyMany claim in the same file', code: `${deployment('2', 'uploads', 'shop')}---\n${pvc('ReadWriteOnce, ReadOnlyMany', 'shop')}` },
    {
      name: 'a StatefulSet is out of scope (each replica gets its own claim from a template)',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 3
  template:
    spec:
      containers: [{name: db, image: "postgres:16"}]
      volumes: [{name: shared, persistentVolumeClaim: {claimName: shared}}]
`,
    },
    {
      name: 'an HPA that never scales above one',
      code: deployment(''),
      files: { 'hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 1\n' },
    },
  ],
  invalid: [
    {
      name: 'claim not in the workspace, beside a dont-fire Deployment',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
#                      ^^^^^^^ shared-rwo-volume: Deployment "web" runs 3 replicas that all mount PersistentVolumeClaim "uploads", ${unknown('the default namespace')}: ${MULTI_ATTACH}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
`,
    },
    {
      name: 'ReadWriteOnce claim in another file',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
#                      ^^^^^^^ shared-rwo-volume: Deployment "web" runs 2 replicas that all mount PersistentVolumeClaim "uploads", which is ReadWriteOnce: ${MULTI_ATTACH}
`,
      files: { 'pvc.yaml': pvc('ReadWriteOnce') },
    },
    {
      name: 'a ReadWriteMany claim in another namespace does not count',
      code: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  template:
    spec:
      containers: [{name: web, image: "web:1.0"}]
      volumes: [{name: uploads, persistentVolumeClaim: {claimName: uploads, readOnly: true}}]
#                                                                  ^^^^^^^ shared-rwo-volume: ReplicaSet "web" runs 2 replicas that all mount PersistentVolumeClaim "uploads", ${unknown('namespace `shop`')}: ${MULTI_ATTACH}
`,
      files: { 'pvc.yaml': pvc('ReadWriteMany', 'other') },
    },
    {
      name: 'scaled by an HPA; claim without accessModes; claim name through an alias',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {claim: &claim uploads}
spec:
  template:
    spec:
      containers:
      - name: web
        image: web:1.0
      volumes:
      - name: uploads
        persistentVolumeClaim:
          claimName: *claim
#                    ^^^^^^ shared-rwo-volume: Deployment "web" runs up to 4 replicas (HorizontalPodAutoscaler) that all mount PersistentVolumeClaim "uploads", which sets no accessModes: ${MULTI_ATTACH}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 4
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: uploads}
spec:
  resources: {requests: {storage: 1Gi}}
`,
    },
  ],
});
