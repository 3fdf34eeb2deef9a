import { helmTemplate } from '../../server/src/rules/helm-template';
import { ruleTester } from '../helpers/ruleTester';

const MSG = 'Helm template: lint the rendered output: `helm template . | kubeready lint -`.';

ruleTester.run(helmTemplate, {
  valid: [
    { name: 'template syntax in a valid manifest outside templates/ is just a string', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  msg: "{{ not a template }}"\n', path: 'k8s/cm.yaml' },
    { name: 'a chart values file', code: 'replicaCount: 1\nimage:\n  repository: nginx\n', path: 'chart/values.yaml' },
  ],
  invalid: [
    {
      name: 'a file under templates/',
      path: 'chart/templates/deployment.yaml',
      code: `apiVersion: apps/v1
^^^^^^^^^^^^^^^^^^^ helm-template: ${MSG}
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  replicas: {{ .Values.replicaCount }}`,
    },
    {
      name: 'anywhere, when template syntax breaks the YAML',
      path: 'deploy.yaml',
      code: `{{- if .Values.enabled }}
^^^^^^^^^^^^^^^^^^^^^^^^^ helm-template: ${MSG}
apiVersion: v1
kind: Service
{{- end }}`,
    },
  ],
});
