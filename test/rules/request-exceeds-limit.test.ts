import { requestExceedsLimit } from '../../server/src/rules/request-exceeds-limit';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(requestExceedsLimit, {
  valid: [
    { name: 'equal is fine, units differ', code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      resources:
        requests: {cpu: "0.5", memory: 1Gi}
        limits: {cpu: 500m, memory: 1024Mi}` },
    { name: 'only one side set', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      resources: {requests: {cpu: "4"}}\n' },
    { name: 'an invalid quantity is invalid-quantity\'s business', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      resources: {requests: {memory: 2gb}, limits: {memory: 1Gi}}\n' },
  ],
  invalid: [
    {
      name: 'decimal vs binary suffixes and exponents, in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: r
              resources:
                requests:
                  memory: 1G
#                         ^^ request-exceeds-limit: Container "r" of CronJob "report" requests memory 1G but limits it to 900Mi: the API server rejects a request above its limit.
                  cpu: 2e3
#                      ^^^ request-exceeds-limit: Container "r" of CronJob "report" requests cpu 2e3 but limits it to 1500m: the API server rejects a request above its limit.
                limits:
                  memory: 900Mi
                  cpu: 1500m`,
    },
  ],
});
