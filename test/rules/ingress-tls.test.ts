import { ingressTls } from '../../server/src/rules/ingress-tls';
import { ruleTester } from '../helpers/ruleTester';

const CLEAR = 'its hosts are served over plain HTTP, so credentials and cookies cross the network in clear text.';

ruleTester.run(ingressTls, {
  valid: [
    `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: shop, port: {number: 80}}
`,
    {
      name: 'TLS terminated at the cloud load balancer',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc
spec:
  defaultBackend: {service: {name: shop, port: {number: 80}}}
`,
    },
    {
      name: 'tls entries through an alias',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    kubeready.example/tls: &tls {hosts: [shop.example.com], secretName: shop-tls}
spec:
  tls: [*tls]
  defaultBackend: {service: {name: shop, port: {number: 80}}}
`,
    },
    { name: 'not an Ingress', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec: {ports: [{port: 80}]}\n' },
  ],
  invalid: [
    {
      name: 'no tls section, beside a dont-fire Ingress',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: minimal-ingress
#       ^^^^^^^^^^^^^^^ ingress-tls: Ingress "minimal-ingress" has no tls section: ${CLEAR}
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  rules:
  - http:
      paths:
      - path: /testpath
        pathType: Prefix
        backend:
          service:
            name: test
            port:
              number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: dont-fire
spec:
  tls: [{hosts: [a.example.com], secretName: a-tls}]
  defaultBackend: {service: {name: test, port: {number: 80}}}
`,
    },
    {
      name: 'an empty tls list; old API version; flow style',
      code: `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy}
spec: {tls: [], backend: {serviceName: legacy, servicePort: 80}}
#      ^^^ ingress-tls: Ingress "legacy" has an empty tls section: ${CLEAR}
`,
    },
  ],
});
