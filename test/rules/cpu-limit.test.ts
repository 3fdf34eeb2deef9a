import { cpuLimit } from '../../server/src/rules/cpu-limit';
import { ruleTester } from '../helpers/ruleTester';

const MSG = 'has no cpu limit (resources.limits.cpu): a busy loop can take every core of the node and slow down each pod beside it.';
const NO_LIMIT = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      resources:
        requests: {cpu: 200m}`;

ruleTester.run(cpuLimit, {
  valid: [
    { name: 'turned off by kubeready.resources.requireCpuLimit', code: NO_LIMIT, settings: { resources: { requireCpuLimit: false } } },
    { name: 'a ConfigMap', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' },
  ],
  invalid: [
    {
      name: 'the limit is the request times the default ratio (5x)',
      code: NO_LIMIT.replace('    - name: c\n', `    - name: c\n#           ^ cpu-limit: Container "c" of Pod "p" ${MSG}\n`),
      output: `${NO_LIMIT}
        limits:
          cpu: "1"`,
      settings: { fixes: { resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } } },
    },
    {
      name: 'configured defaults are used for a new block, in a CRLF file',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: q}\r\nspec:\r\n  containers:\r\n  - name: w\r\n#         ^ cpu-limit: Container "w" of Pod "q" ' + MSG + '\n    image: w:1\r\n',
      settings: { fixes: { resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { cpu: '1', memory: '64Mi' } } } },
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: q}\r\nspec:\r\n  containers:\r\n  - name: w\r\n    image: w:1\r\n    resources:\r\n      requests:\r\n        cpu: 20m\r\n        memory: 32Mi\r\n      limits:\r\n        cpu: "1"\r\n        memory: 64Mi\r\n',
    },
  ],
});
