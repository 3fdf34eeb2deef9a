import { invalidQuantity } from '../../server/src/rules/invalid-quantity';
import { ruleTester } from '../helpers/ruleTester';

const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      resources:
${resources}`;

ruleTester.run(invalidQuantity, {
  valid: [
    pod('        requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 1G}\n        limits: {cpu: 2, memory: 1.5Gi, nvidia.com/gpu: 1}'),
    pod('        requests: {cpu: .5, memory: 1e9, hugepages-2Mi: 100Mi}'),
    pod('        limits: {cpu: "+1", memory: 12E}'),
  ],
  invalid: [
    {
      name: 'units that look right but are not Kubernetes units, negatives, versions, maps',
      code: pod(`        requests:
          memory: 512mb
#                 ^^^^^ invalid-quantity: Container "c" of Pod "p" sets resources.requests.memory to "512mb", which is not a valid quantity (e.g. 500m, 2, 128Mi): the API server rejects the object.
          cpu: 1.5.0
#              ^^^^^ invalid-quantity: Container "c" of Pod "p" sets resources.requests.cpu to "1.5.0", which is not a valid quantity (e.g. 500m, 2, 128Mi): the API server rejects the object.
        limits:
          memory: -1Gi
#                 ^^^^ invalid-quantity: Container "c" of Pod "p" sets resources.limits.memory to "-1Gi", which is not a valid quantity (e.g. 500m, 2, 128Mi): the API server rejects the object.
          cpu: {value: 1}
#              ^^^^^^^^^^ invalid-quantity: Container "c" of Pod "p" sets resources.limits.cpu to this value, which is not a valid quantity (e.g. 500m, 2, 128Mi): the API server rejects the object.
          ephemeral-storage: 1 Gi
#                            ^^^^ invalid-quantity: Container "c" of Pod "p" sets resources.limits.ephemeral-storage to "1 Gi", which is not a valid quantity (e.g. 500m, 2, 128Mi): the API server rejects the object.`),
    },
  ],
});
