import { networkPolicySelector } from '../../server/src/rules/network-policy-selector';
import { ruleTester } from '../helpers/ruleTester';

const deployment = (name: string, labels: string, namespace = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
      containers: [{name: app, image: "app:1"}]`;

ruleTester.run(networkPolicySelector, {
  valid: [
    { name: 'selects a Deployment in another file', code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web}
spec:
  podSelector:
    matchLabels: {app: web}`, files: { 'web.yaml': deployment('web', '{app: web, tier: front}') } },
    { name: 'an empty podSelector is a namespace default', code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n' },
    { name: 'matchExpressions', code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: tiers}
spec:
  podSelector:
    matchExpressions:
      - {key: tier, operator: In, values: [front, back]}
---
${deployment('web', '{tier: back}')}` },
  ],
  invalid: [
    {
      name: 'dangling labels, and a match only in another namespace',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app
  namespace: shop
spec:
  podSelector:
    matchLabels:
#   ^^^^^^^^^^^^ network-policy-selector: NetworkPolicy "app" selects no pods: no workload in namespace \`shop\` has pod labels matching app.kubernetes.io/name=app1, so the policy protects nothing.
      app.kubernetes.io/name: app1`,
      files: { 'other.yaml': deployment('app1', '{app.kubernetes.io/name: app1}', 'billing') },
    },
  ],
});
