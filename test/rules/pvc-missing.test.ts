import { pvcMissing } from '../../server/src/rules/pvc-missing';
import { ruleTester } from '../helpers/ruleTester';

const missing = (subject: string, claim: string, where = 'the default namespace') =>
  `${subject} mounts PersistentVolumeClaim "${claim}", but no PersistentVolumeClaim "${claim}" in ${where} is in the workspace: its pods stay Pending until the claim exists.`;

const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: app:1.0
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
`;

ruleTester.run(pvcMissing, {
  valid: [
    { name: 'claim in the same file', code: `${PVC}---\n${POD}` },
    { name: 'claim in another file', code: POD, files: { 'pvc.yaml': PVC } },
    {
      name: 'a StatefulSet volume that names one of its claim templates',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers: [{name: db, image: "postgres:16"}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
  volumeClaimTemplates: [{metadata: {name: data}}]
`,
    },
    { name: 'no claim volumes', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "a:1"}]\n  volumes: [{name: tmp, emptyDir: {}}]\n' },
  ],
  invalid: [
    {
      name: 'claim not in the workspace, beside a dont-fire Pod whose claim exists',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: web-uploads
#                      ^^^^^^^^^^^ pvc-missing: ${missing('Deployment "web"', 'web-uploads')}
---
apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
    - name: app
      image: app:1.0
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
---
${PVC}`,
    },
    {
      name: 'a claim in another namespace does not count (cross-file)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: web, image: "web:1.0"}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
#                                                               ^^^^ pvc-missing: ${missing('Deployment "web"', 'data', 'namespace `shop`')}
`,
      files: { 'pvc.yaml': PVC },
    },
    {
      name: 'a claim name through an alias is reported at the alias',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
    cache-claim: &claim shared-cache
spec:
  containers: [{name: a, image: "a:1"}]
  volumes:
    - name: cache
      persistentVolumeClaim:
        claimName: *claim
#                  ^^^^^^ pvc-missing: ${missing('Pod "a"', 'shared-cache')}
`,
    },
    {
      name: 'CronJob pod spec; a claim template of another StatefulSet does not count',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: dump
            image: postgres:16
          volumes:
          - name: out
            persistentVolumeClaim:
              claimName: data
#                        ^^^^ pvc-missing: ${missing('CronJob "backup"', 'data')}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates: [{metadata: {name: data}}]
`,
    },
  ],
});
