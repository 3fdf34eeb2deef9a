import { memoryRequest } from '../../server/src/rules/memory-request';
import { ruleTester } from '../helpers/ruleTester';

const MSG = 'has no memory request (resources.requests.memory): it can land on a full node and is evicted first under memory pressure.';

ruleTester.run(memoryRequest, {
  valid: [
    `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers:
        - name: agent
          resources: {requests: {memory: 64Mi, cpu: 10m}}`,
    { name: 'a Service is not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'resources: with no value gets a block under the key',
      code: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  template:
    spec:
      containers:
        - name: app
#               ^^^ memory-request: Container "app" of ReplicaSet "rs" ${MSG}
          resources:
          image: app:1`,
      output: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  template:
    spec:
      containers:
        - name: app
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          image: app:1`,
    },
    {
      name: 'the last line of a file without a trailing newline',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
#           ^ memory-request: Container "c" of Pod "p" ${MSG}
      resources:
        limits:
          memory: 512Mi`,
      output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      resources:
        limits:
          memory: 512Mi
        requests:
          memory: 128Mi`,
    },
  ],
});
