import { ingressBackend } from '../../server/src/rules/ingress-backend';
import { ruleTester } from '../helpers/ruleTester';

const UNAVAILABLE = 'requests for this backend get 503 from the ingress controller.';
const noService = (ingress: string, service: string, where = 'the default namespace') =>
  `Ingress "${ingress}" routes to Service "${service}", but no Service "${service}" in ${where} is in the workspace: ${UNAVAILABLE}`;
const noPort = (ingress: string, asked: string, service: string, has: string) =>
  `Ingress "${ingress}" routes to ${asked} of Service "${service}", which does not expose it (${has}): ${UNAVAILABLE}`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop
  ports:
    - name: http
      port: 80
      targetPort: 8080
`;

ruleTester.run(ingressBackend, {
  valid: [
    {
      name: 'port number, port name and default backend of an existing Service; resource backends are not Services',
      code: `${SERVICE}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  defaultBackend:
    service:
      name: shop
      port:
        name: http
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port:
                  number: 80
          - path: /static
            pathType: Prefix
            backend:
              resource:
                apiGroup: k8s.example.com
                kind: StorageBucket
                name: static-assets
`,
    },
    {
      name: 'extensions/v1beta1 backends, Service in another file',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: legacy}\nspec:\n  backend: {serviceName: shop, servicePort: http}\n  rules:\n    - http:\n        paths:\n          - {path: /, backend: {serviceName: shop, servicePort: 80}}\n',
      files: { 'svc.yaml': SERVICE },
    },
    { name: 'ExternalName Services expose no ports', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ext}\nspec: {defaultBackend: {service: {name: ext, port: {number: 443}}}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: api.example.com}\n' },
  ],
  invalid: [
    {
      name: 'a missing Service and a port the Service does not expose, beside a dont-fire Ingress',
      code: `apiVersion: v1
kind: Service
metadata:
  name: bad-port
spec:
  ports:
    - port: 80
  selector:
    app.kubernetes.io/name: dont-fire
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: dont-fire
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: bad-port
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: missing-service
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: missing
#                     ^^^^^^^ ingress-backend: ${noService('missing-service', 'missing')}
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: bad-port
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: bad-port
                port:
                  # the app listens on 8080
                  number: 8080
#                         ^^^^ ingress-backend: ${noPort('bad-port', 'port 8080', 'bad-port', 'it exposes 80')}
`,
      output: `apiVersion: v1
kind: Service
metadata:
  name: bad-port
spec:
  ports:
    - port: 80
  selector:
    app.kubernetes.io/name: dont-fire
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: dont-fire
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: bad-port
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: missing-service
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: missing
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: bad-port
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: bad-port
                port:
                  # the app listens on 8080
                  number: 80
`,
      fixes: {
        'Set backend port to 80': `apiVersion: v1
kind: Service
metadata:
  name: bad-port
spec:
  ports:
    - port: 80
  selector:
    app.kubernetes.io/name: dont-fire
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: dont-fire
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: bad-port
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: missing-service
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: missing
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: bad-port
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                name: bad-port
                port:
                  # the app listens on 8080
                  number: 80
`,
      },
    },
    {
      name: 'a port name the Service lacks, in flow style; the Service is in another file',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec: {defaultBackend: {service: {name: shop, port: {name: web}}}}
#                                                          ^^^ ingress-backend: ${noPort('shop', 'a port named "web"', 'shop', 'it exposes http (80)')}
`,
      files: { 'svc.yaml': SERVICE },
      output: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec: {defaultBackend: {service: {name: shop, port: {name: http}}}}
`,
    },
    {
      name: 'old API, CRLF: a quoted port number is replaced by the only port',
      code: 'apiVersion: networking.k8s.io/v1beta1\r\nkind: Ingress\r\nmetadata:\r\n  name: legacy\r\nspec:\r\n  backend:\r\n    serviceName: shop\r\n    servicePort: "8080"\r\n#                ^^^^^^ ingress-backend: ' + noPort('legacy', 'port 8080', 'shop', 'it exposes http (80)') + '\n',
      files: { 'svc.yaml': SERVICE },
      output: 'apiVersion: networking.k8s.io/v1beta1\r\nkind: Ingress\r\nmetadata:\r\n  name: legacy\r\nspec:\r\n  backend:\r\n    serviceName: shop\r\n    servicePort: 80\r\n',
    },
    {
      name: 'old API: a Service in another namespace does not count; several ports: no fix; CRLF',
      code: 'apiVersion: extensions/v1beta1\r\nkind: Ingress\r\nmetadata:\r\n  name: legacy\r\n  namespace: shop\r\nspec:\r\n  backend:\r\n    serviceName: shop\r\n#                ^^^^ ingress-backend: ' + noService('legacy', 'shop', 'namespace `shop`') + '\n    servicePort: 80\r\n  rules:\r\n  - http:\r\n      paths:\r\n      - path: /api\r\n        backend:\r\n          serviceName: api\r\n          servicePort: "9090"\r\n#                      ^^^^^^ ingress-backend: ' + noPort('legacy', 'port 9090', 'api', 'it exposes http (80), grpc (81)') + '\n',
      files: {
        'svc.yaml': SERVICE,
        'api.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  ports: [{name: http, port: 80}, {name: grpc, port: 81}]\n',
      },
    },
  ],
});
