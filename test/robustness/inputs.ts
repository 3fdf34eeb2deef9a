// The hostile and odd inputs of issue 9 and of the developers' guide ("bad input"), each with what every
// front end (engine, CLI, server) must report. Shared by engine.test.ts, cli.test.ts and server.test.ts.

export interface Expectation {
  /** The rule ids reported, exactly (as a set). */
  only?: string[];
  /** Rule ids that must be among the findings. */
  has?: string[];
  /** Rule ids that must not be. */
  lacks?: string[];
  /** Positions: 1-based line, 1-based column in code points (CLI), 0-based UTF-16 character (LSP). */
  at?: Array<{ rule: string; line: number; column: number; character?: number; severity?: 'error' | 'warning' | 'info' }>;
  /** Names of the objects that findings concern (each must appear), e.g. items of a List. */
  objects?: string[];
  /** Names of objects no finding may concern. */
  notObjects?: string[];
  /** At most this many findings. */
  maxFindings?: number;
}

export interface HostileInput {
  name: string;
  /** Path of the file, relative to the workspace (decides `templates/` and the file name). */
  path: string;
  text: string;
  /** Raw bytes, for inputs that are not valid UTF-8 (the text is what a UTF-8 decoder makes of them). */
  bytes?: Buffer;
  expect: Expectation;
}

/** A Deployment with no resources, so the document after a broken one visibly gets checked. */
export const CHECKED_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checked
spec:
  replicas: 2
  selector:
    matchLabels: {app: checked}
  template:
    metadata:
      labels: {app: checked}
    spec:
      containers:
        - name: web
          image: shop:1.4.2
`;

const AFTER = `---\n${CHECKED_DEPLOYMENT}`;

function deepFlow(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

function laughs(): string {
  const lines = ['  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 73 + 41) % 256)),
]);

const INVALID_UTF8 = Buffer.concat([
  Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bytes\ndata:\n  blob: "'),
  Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x28, 0x8c, 0xbc]),
  Buffer.from('"\n'),
]);

export const HOSTILE_INPUTS: HostileInput[] = [
  // ---- broken YAML: a finding at the right place, the other documents still checked ----
  {
    name: 'bad indentation',
    path: 'broken/indent.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   labels: {}\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 4, column: 9, character: 8, severity: 'error' }], objects: ['checked'] },
  },
  {
    name: 'unclosed flow map',
    path: 'broken/flow.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 3, column: 18 }], objects: ['checked'] },
  },
  {
    name: 'unclosed quote',
    path: 'broken/quote.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 4, column: 10 }], objects: ['checked'] },
  },
  {
    name: 'duplicate keys',
    path: 'broken/duplicate.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 5, column: 3 }], objects: ['checked'] },
  },
  {
    name: 'tabs as indentation',
    path: 'broken/tabs.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 4, column: 1 }], objects: ['checked'] },
  },
  {
    name: 'a stray --- in the middle of a map',
    path: 'broken/stray-marker.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n  labels: {}\ndata:\n  k: v\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 7, column: 1 }], objects: ['checked'] },
  },
  {
    name: 'an unknown tag is a warning and the document is still checked',
    path: 'broken/tag.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tagged\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: !custom shop:1.4.2\n`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 10, column: 18, severity: 'warning' }], objects: ['tagged'] },
  },
  {
    name: 'an alias to a missing anchor',
    path: 'broken/alias.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *missing\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 4, column: 9 }], objects: ['checked'] },
  },
  {
    name: '20,000 aliases to a missing anchor: one document, at most 101 findings',
    path: 'broken/aliases.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aliases\ndata:\n  list: [${Array(20_000).fill('*gone').join(', ')}]\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 6, column: 10 }], objects: ['checked'], maxFindings: 140 },
  },
  {
    name: 'an alias inside its own anchor',
    path: 'broken/alias-cycle.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: &d\n  self: *d\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], at: [{ rule: 'yaml-syntax', line: 6, column: 9 }], objects: ['checked'] },
  },
  {
    name: '10,000 levels of nesting',
    path: 'broken/deep.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${deepFlow(10_000)}\n${AFTER}`,
    expect: { has: ['yaml-limits', 'memory-limit'], lacks: ['yaml-syntax'], at: [{ rule: 'yaml-limits', line: 6, column: 204 }], objects: ['checked'] },
  },
  {
    name: 'a billion laughs',
    path: 'broken/laughs.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: laughs\ndata:\n${laughs()}\n${AFTER}`,
    expect: { has: ['yaml-limits', 'memory-limit'], lacks: ['yaml-syntax'], at: [{ rule: 'yaml-limits', line: 15, column: 12 }], objects: ['checked'] },
  },

  {
    name: 'broken JSON-style manifest',
    path: 'broken/json.yaml',
    text: `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "json"}, "data": {"a": "b"\n${AFTER}`,
    expect: { has: ['yaml-syntax', 'memory-limit'], objects: ['checked'] },
  },
  {
    name: 'template text inside strings and block scalars of a manifest is just text',
    path: 'monitoring/alertmanager.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alertmanager-templates\n  annotations:\n    summary: "{{ $labels.instance }} is down"\ndata:\n  slack.tmpl: |\n    {{ define "slack.title" }}\n    {{- range .Alerts }}{{ .Labels.alertname }}{{ end }}\n    {{ end }}\n`,
    expect: { only: [] },
  },

  // ---- not Kubernetes: no findings at all, broken or not ----
  {
    name: 'a GitHub Actions workflow',
    path: '.github/workflows/ci.yml',
    text: `name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: node:20\n    services:\n      db:\n        image: postgres:16\n        ports: ["5432:5432"]\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n        env:\n          CI: true\n`,
    expect: { only: [] },
  },
  {
    name: 'a broken GitHub Actions workflow',
    path: '.github/workflows/broken.yml',
    text: `name: CI\non: [push\njobs:\n  build:\n\truns-on: \${{ matrix.os }}\n    steps:\n      - run: echo "unclosed \${{ github.sha }}\n`,
    expect: { only: [] },
  },
  {
    name: 'docker-compose',
    path: 'docker-compose.yml',
    text: `version: "3.9"\nservices:\n  web:\n    image: shop:latest\n    ports:\n      - "8080:8080"\n    environment:\n      DEBUG: yes\n    deploy:\n      replicas: 1\n      resources:\n        limits: {cpus: "0.5", memory: 50M}\n`,
    expect: { only: [] },
  },
  {
    name: 'a Helm values.yaml',
    path: 'chart/values.yaml',
    text: `replicaCount: 1\nimage:\n  repository: nginx\n  tag: ""\nservice:\n  type: ClusterIP\n  port: 80\nresources: {}\nsecurityContext: {}\ncontroller:\n  kind: Deployment\n  containers: []\n`,
    expect: { only: [] },
  },
  {
    name: 'an Ansible playbook with a Kubernetes definition inside',
    path: 'ansible/site.yml',
    text: `- hosts: all\n  become: yes\n  tasks:\n    - name: create a pod\n      kubernetes.core.k8s:\n        state: present\n        definition:\n          apiVersion: v1\n          kind: Pod\n          metadata:\n            name: from-ansible\n          spec:\n            containers:\n              - name: web\n                image: nginx\n`,
    expect: { only: [] },
  },
  {
    name: 'an OpenAPI document',
    path: 'api/openapi.yaml',
    text: `openapi: 3.0.3\ninfo:\n  title: Shop\n  version: 1.0.0\npaths: {}\ncomponents:\n  schemas:\n    Object:\n      type: object\n      properties:\n        apiVersion:\n          type: string\n        kind:\n          type: string\n`,
    expect: { only: [] },
  },
  {
    name: 'a Chart.yaml',
    path: 'chart/Chart.yaml',
    text: `apiVersion: v2\nname: shop\ndescription: A Helm chart\ntype: application\nversion: 0.1.0\nappVersion: "1.16.0"\n`,
    expect: { only: [] },
  },
  {
    name: 'a kustomization.yaml',
    path: 'overlays/prod/kustomization.yaml',
    text: `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n  - ../../base\nimages:\n  - name: shop\n    newTag: 1.4.2\npatches:\n  - path: replicas.yaml\n`,
    expect: { only: [] },
  },

  // ---- Helm templates: one info finding at the top, nothing else ----
  {
    name: 'a Helm template under templates/',
    path: 'chart/templates/deployment.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "shop.fullname" . }}\n  labels:\n    {{- include "shop.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n`,
    expect: { only: ['helm-template'], at: [{ rule: 'helm-template', line: 1, column: 1, severity: 'info' }] },
  },
  {
    name: 'template syntax that breaks the YAML, outside templates/',
    path: 'deploy/service.yaml',
    text: `{{- if .Values.service.enabled }}\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  ports:\n    - port: {{ .Values.service.port }}\n{{- end }}\n`,
    expect: { only: ['helm-template'], at: [{ rule: 'helm-template', line: 1, column: 1 }] },
  },
  {
    name: 'template syntax that parses as YAML, outside templates/',
    path: 'deploy/deployment.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: shop:1.4.2\n`,
    expect: { only: ['helm-template'] },
  },

  // ---- kinds we do not know, and List ----
  {
    name: 'a CRD and a custom resource',
    path: 'crds/widget.yaml',
    text: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              x-kubernetes-preserve-unknown-fields: true\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  containers: web\n  replicas: "many"\n  template: 3\n`,
    expect: { only: [] },
  },
  {
    name: 'a List is checked item by item',
    path: 'list.yaml',
    text: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: settings\n    data: {a: b}\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: listed\n    spec:\n      template:\n        spec:\n          containers:\n            - name: web\n              image: shop:1.4.2\n`,
    expect: { has: ['memory-limit', 'cpu-request'], objects: ['listed'], notObjects: ['settings'] },
  },

  // ---- wrong types ----
  {
    name: 'wrong types where maps and lists are expected',
    path: 'types.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typed\nspec:\n  replicas: "two"\n  template:\n    spec:\n      containers: web\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec:\n  containers:\n    - name: web\n      image: shop:1.4.2\n      resources: 512Mi\n      ports: 8080\n`,
    expect: {
      has: ['invalid-type'],
      at: [
        { rule: 'invalid-type', line: 6, column: 13 },
        { rule: 'invalid-type', line: 9, column: 19 },
        { rule: 'invalid-type', line: 19, column: 18 },
        { rule: 'invalid-type', line: 20, column: 14 },
      ],
    },
  },
  {
    name: 'null everywhere',
    path: 'nulls.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata: null\nspec:\n  replicas: null\n  selector: null\n  template:\n    metadata: ~\n    spec:\n      containers:\n        - null\n        - name: null\n          image: null\n          resources: null\n          ports: [null]\n          env: [null, {name: null, value: null}]\n          securityContext: null\n          livenessProbe: null\n      volumes: null\n`,
    expect: { lacks: ['invalid-type', 'yaml-syntax'] },
  },

  // ---- encodings and layout ----
  {
    name: 'UTF-8 BOM and multibyte names',
    path: 'bom.yaml',
    text: `\ufeffapiVersion: v1\nkind: Pod\nmetadata:\n  name: café\nspec:\n  containers: [{image: "ñ🚀", name: web}]\n`,
    // `web` follows ñ (1 UTF-16 unit, 1 code point) and 🚀 (2 UTF-16 units, 1 code point).
    expect: { has: ['memory-limit'], at: [{ rule: 'image-tag', line: 6, column: 24, character: 23 }, { rule: 'memory-limit', line: 6, column: 36, character: 36 }] },
  },
  {
    name: 'a BOM before a finding on the first line',
    path: 'bom-flow.yaml',
    text: `\ufeff{apiVersion: v1, kind: Pod, metadata: {name: flow}, spec: {containers: [{name: web, image: "shop:1.4.2"}]}}\n`,
    // The CLI counts columns after the (invisible) BOM; LSP counts UTF-16 units of the text as sent.
    expect: { has: ['memory-limit'], at: [{ rule: 'memory-limit', line: 1, column: 80, character: 80 }] },
  },
  {
    name: 'CRLF line endings',
    path: 'crlf.yaml',
    text: CHECKED_DEPLOYMENT.replace(/\n/g, '\r\n'),
    expect: { has: ['memory-limit'], at: [{ rule: 'memory-limit', line: 14, column: 17, character: 16 }] },
  },
  {
    name: 'CR-only line endings',
    path: 'cr.yaml',
    text: CHECKED_DEPLOYMENT.replace(/\n/g, '\r'),
    expect: { has: ['memory-limit'], at: [{ rule: 'memory-limit', line: 14, column: 17, character: 16 }] },
  },
  {
    name: 'no trailing newline',
    path: 'no-eol.yaml',
    text: CHECKED_DEPLOYMENT.trimEnd(),
    expect: { has: ['memory-limit'], at: [{ rule: 'memory-limit', line: 14, column: 17 }] },
  },
  {
    name: 'an empty file',
    path: 'empty.yaml',
    text: '',
    expect: { only: [] },
  },
  {
    name: 'a file of only comments',
    path: 'comments.yaml',
    text: '# kept for later\n# apiVersion: v1\n# kind: Pod\n',
    expect: { only: [] },
  },
  {
    name: 'a binary file with a .yaml name',
    path: 'image.yaml',
    text: PNG.toString('utf8'),
    bytes: PNG,
    expect: { only: [] },
  },
  {
    name: 'invalid UTF-8 in a value',
    path: 'bytes.yaml',
    text: INVALID_UTF8.toString('utf8'),
    bytes: INVALID_UTF8,
    expect: { lacks: ['yaml-syntax'] },
  },
];

/** A manifest of about `megabytes` MB: a ConfigMap with a large block of data, then a Deployment. */
export function hugeManifest(megabytes: number): string {
  const row = `    ${'x'.repeat(95)}\n`;
  const rows = Math.ceil((megabytes * 1024 * 1024) / row.length);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  blob: |\n${row.repeat(rows)}${AFTER}`;
}
