import { cpuRequest } from '../../server/src/rules/cpu-request';
import { ruleTester } from '../helpers/ruleTester';

const MSG = 'has no cpu request (resources.requests.cpu): the scheduler may place it on a node with no CPU to spare and it starves under load.';

ruleTester.run(cpuRequest, {
  valid: [
    `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers:
        - name: db
          resources: {requests: {cpu: 250m}}`,
    { name: 'merge keys bring the request in', code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - &base
      name: a
      resources:
        requests: {cpu: 100m}
    - <<: *base
      name: b` },
  ],
  invalid: [
    {
      name: 'init containers too; only the missing key is added to an existing block; 4-space indent, unindented sequences',
      code: `apiVersion: batch/v1
kind: Job
metadata:
    name: migrate
spec:
    template:
        spec:
            initContainers:
            - name: wait
#                   ^^^^ cpu-request: Init container "wait" of Job "migrate" ${MSG}
              image: busybox:1.36
              resources:
                  limits:
                      cpu: 200m
                  # memory stays unset on purpose
            containers:
            - name: migrate
#                   ^^^^^^^ cpu-request: Container "migrate" of Job "migrate" ${MSG}
              image: app:1
              resources:
                  requests:
                      memory: 64Mi
`,
      output: `apiVersion: batch/v1
kind: Job
metadata:
    name: migrate
spec:
    template:
        spec:
            initContainers:
            - name: wait
              image: busybox:1.36
              resources:
                  limits:
                      cpu: 200m
                  requests:
                      cpu: 100m
                  # memory stays unset on purpose
            containers:
            - name: migrate
              image: app:1
              resources:
                  requests:
                      memory: 64Mi
                      cpu: 100m
`,
    },
    {
      name: 'a limit below the default request: the request becomes the limit',
      code: `apiVersion: v1
kind: Pod
metadata: {name: tiny}
spec:
  containers:
  - name: t
#         ^ cpu-request: Container "t" of Pod "tiny" ${MSG}
    resources:
      limits: {cpu: 50m}`,
      output: `apiVersion: v1
kind: Pod
metadata: {name: tiny}
spec:
  containers:
  - name: t
    resources:
      limits: {cpu: 50m}
      requests:
        cpu: 50m`,
    },
  ],
});
