import { invalidConfig } from '../../server/src/rules/invalid-config';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(invalidConfig, {
  valid: [
    { name: 'a full, correct config', path: '.kubeready.yaml', code: `rules:
  cpu-limit: off
  memory-limit: error
exclude: ["vendor/**"]
replicas: {minimum: 3}
resources: {requireCpuLimit: false}
fixes:
  resources:
    requests: {cpu: 50m, memory: 64Mi}
  probePaths: {readiness: /readyz}
ignore:
  - rule: memory-limit
    kind: Deployment
    name: legacy-*
    reason: vendor chart
` },
    { name: 'an empty config', path: '.kubeready.yml', code: '# nothing decided yet\n' },
  ],
  invalid: [
    {
      name: 'unknown rule id, bad severity, unknown option, bad glob, incomplete ignore entry',
      path: '.kubeready.yaml',
      code: `rules:
  memory-limits: off
# ^^^^^^^^^^^^^ invalid-config: Unknown rule id "memory-limits" (did you mean "memory-limit"?): \`kubeready rules\` lists them.
  cpu-limit: loud
#            ^^^^ invalid-config: Severity of "cpu-limit" must be off, info, warning or error (got "loud").
replica: {minimum: 3}
^^^^^^^ invalid-config: Unknown option "replica": expected one of rules, ignore, enable, exclude, replicas, resources, fixes, validation.
exclude: ["vendor/[abc"]
#         ^^^^^^^^^^^^^ invalid-config: Bad glob in exclude: unclosed bracket or brace in glob "vendor/[abc".
ignore:
  - kind: Deployment
#   ^^^^^^^^^^^^^^^^ invalid-config: An ignore entry needs \`rule\` (a rule id, or "*").
  - rule: pdb
    because: reasons
#   ^^^^^^^ invalid-config: Unknown field "because" in an ignore entry: expected rule, kind, name, namespace, path, reason.
replicas: {minimum: two}
#                   ^^^ invalid-config: replicas.minimum must be a number.`,
    },
    {
      name: 'broken YAML in the config',
      path: '.kubeready.yaml',
      code: `rules: {cpu-limit: off
#                     ^ invalid-config: Flow map in block collection must be sufficiently indented and end with a }.`,
    },
  ],
});
