import { statefulDataEphemeral } from '../../server/src/rules/stateful-data-ephemeral';
import { ruleTester } from '../helpers/ruleTester';

const GONE = 'when the pod is rescheduled, all data is gone.';
const noVolume = (who: string, label: string, path: string) =>
  `${who} runs ${label} with no persistent volume for its data (${path}): the data lives in the container's writable layer, and ${GONE}`;
const onVolume = (who: string, label: string, path: string, kind: string, volume: string) =>
  `${who} runs ${label} but keeps its data (${path}) on ${kind} volume "${volume}": ${GONE}`;

ruleTester.run(statefulDataEphemeral, {
  valid: [
    {
      name: 'StatefulSet with a volumeClaimTemplate mounted at the data directory',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
spec:
  serviceName: pg
  selector:
    matchLabels: {app: pg}
  template:
    metadata:
      labels: {app: pg}
    spec:
      containers:
        - name: db
          image: postgres:16
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`,
    },
    {
      name: 'a PVC volume at the Bitnami data directory, registry and digest ignored',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pg
spec:
  template:
    spec:
      containers:
        - name: db
          image: docker.io/bitnami/postgresql:16@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          volumeMounts:
            - {name: data, mountPath: /bitnami/postgresql}
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: pg-data
`,
    },
    {
      name: 'PGDATA moved under a PVC, emptyDir only for the socket',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: pg
spec:
  containers:
    - name: db
      image: postgres:16
      env:
        - name: PGDATA
          value: /pgdata/data
      volumeMounts:
        - name: run
          mountPath: /var/run/postgresql
        - name: data
          mountPath: /pgdata
  volumes:
    - name: run
      emptyDir: {}
    - name: data
      persistentVolumeClaim: {claimName: pg}
`,
    },
    {
      name: 'a persistent mount at a custom path counts as the data directory',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cache
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7.2
          args: ["--dir", "/srv/redis"]
          volumeMounts:
            - name: data
              mountPath: /srv/redis
      volumes:
        - name: data
          nfs: {server: nfs.example.com, path: /exports/redis}
`,
    },
    {
      name: 'not a stateful image; exporters and init containers are not databases; Jobs and CronJobs are out of scope',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: postgres:16
          command: [psql, -f, /migrations/up.sql]
      containers:
        - name: web
          image: nginx:1.27
        - name: metrics
          image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0
        - name: redis-metrics
          image: oliver006/redis_exporter:v1.62.0
---
apiVersion: batch/v1
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
              command: [pg_dumpall]
`,
    },
  ],
  invalid: [
    {
      name: 'no volume at all, beside a dont-fire StatefulSet (multi-document)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pg
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
#                ^^^^^^^^^^^ stateful-data-ephemeral: ${noVolume('Container "db" of Deployment "pg"', 'PostgreSQL', '/var/lib/postgresql/data')}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: db
          image: mysql:8.4
          volumeMounts: [{name: data, mountPath: /var/lib/mysql}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
    },
    {
      name: 'emptyDir at the data directory; a config mount does not count',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: search
  namespace: logs
spec:
  template:
    spec:
      containers:
      - name: es
        image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
        volumeMounts:
        - name: config
          mountPath: /usr/share/elasticsearch/config/elasticsearch.yml
          subPath: elasticsearch.yml
        - name: data
          mountPath: /usr/share/elasticsearch/data
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ stateful-data-ephemeral: ${onVolume('Container "es" of StatefulSet "search"', 'Elasticsearch', '/usr/share/elasticsearch/data', 'emptyDir', 'data')}
      volumes:
      - name: config
        configMap: {name: es-config}
      - name: data
        emptyDir: {}
`,
    },
    {
      name: 'a claim template that is not mounted: the emptyDir at /data decides (flow style)',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache}
spec:
  template:
    spec:
      containers: [{name: redis, image: "bitnami/redis:7.2", volumeMounts: [{name: scratch, mountPath: /bitnami/redis}]}]
#                                                                                                      ^^^^^^^^^^^^^^ stateful-data-ephemeral: ${onVolume('Container "redis" of StatefulSet "cache"', 'Redis', '/bitnami/redis/data', 'emptyDir', 'scratch')}
      volumes: [{name: scratch, emptyDir: {medium: Memory}}]
  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce]}}]
`,
    },
    {
      name: 'a generic ephemeral volume is deleted with the pod; --data-dir is read',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: etcd-0
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.15-0
    command: [etcd, --data-dir=/var/etcd/data]
    volumeMounts:
    - name: data
      mountPath: /var/etcd
#                ^^^^^^^^^ stateful-data-ephemeral: ${onVolume('Container "etcd" of Pod "etcd-0"', 'etcd', '/var/etcd/data', 'ephemeral', 'data')}
  volumes:
  - name: data
    ephemeral:
      volumeClaimTemplate:
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
`,
    },
    {
      name: 'mounts shared through an anchor are resolved for each container',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
spec:
  template:
    spec:
      containers:
        - name: mongo
          image: mongo:7
          volumeMounts: &mounts
            - name: data
              mountPath: /data/db
#                        ^^^^^^^^ stateful-data-ephemeral: ${onVolume('Container "mongo-backup" of Deployment "catalog"', 'MongoDB', '/data/db', 'emptyDir', 'data')}
#                        ^^^^^^^^ stateful-data-ephemeral: ${onVolume('Container "mongo" of Deployment "catalog"', 'MongoDB', '/data/db', 'emptyDir', 'data')}
        - name: mongo-backup
          image: mongo:7
          command: [/backup.sh]
          volumeMounts: *mounts
      volumes:
        - name: data
          emptyDir: {sizeLimit: 1Gi}
`,
    },
    {
      name: 'MinIO data path from its arguments, CRLF',
      code: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: blobs\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: minio\r\n          image: quay.io/minio/minio:RELEASE.2024-10-02T17-50-41Z\r\n#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ stateful-data-ephemeral: ' + noVolume('Container "minio" of Deployment "blobs"', 'MinIO', '/export') + '\n          args: [server, /export]\r\n',
    },
  ],
});
