import { invalidType } from '../../server/src/rules/invalid-type';
import { ruleTester } from '../helpers/ruleTester';

const REJECTS = 'the API server rejects the object.';

ruleTester.run(invalidType, {
  valid: [
    {
      name: 'every field with its type; quoted strings, plain integers, numeric quantities',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    version: "1.0"
    enabled: "true"
spec:
  replicas: 3
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: web
          image: shop:1.4.2
          command: ["/bin/shop"]
          args: ["--port", "8080"]
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: PORT
              value: "8080"
            - name: DEBUG
              value: "yes"
            - name: FROM_SECRET
              valueFrom:
                secretKeyRef: {name: s, key: k}
          resources:
            requests: {cpu: 1, memory: 128Mi}
            limits: {cpu: 2, memory: 256Mi}
`,
    },
    {
      name: 'null and empty values count as absent',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: null
spec:
  replicas: ~
  template:
    metadata:
    spec:
      containers:
        - name: web
          env:
          resources: null
          ports: []
`,
    },
    {
      name: 'the spec of a custom resource is not ours to type-check',
      code: `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  containers: web
  replicas: "two"
`,
    },
    { name: 'not kubernetes', code: 'services:\n  web:\n    ports: 8080\n    environment:\n      DEBUG: yes\n' },
  ],
  invalid: [
    {
      name: 'containers written as a string',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers: web
#                 ^^^ invalid-type: Deployment "shop": spec.template.spec.containers is the string "web", but Kubernetes expects a list of containers: ${REJECTS}
`,
    },
    {
      name: 'resources written as a quantity, ports as a number: no guess at what was meant',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
    - name: web
      image: shop:1.4.2
      resources: 512Mi
#                ^^^^^ invalid-type: Container "web" of Pod "shop": resources is the string "512Mi", but Kubernetes expects a map (requests, limits): ${REJECTS}
      ports: 8080
#            ^^^^ invalid-type: Container "web" of Pod "shop": ports is the number 8080, but Kubernetes expects a list of ports (- containerPort: 8080): ${REJECTS}
`,
    },
    {
      name: 'replicas as a word has no fix; as a quoted number it is unquoted',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: words
spec:
  replicas: "two"
#           ^^^^^ invalid-type: Deployment "words": spec.replicas is the string "two", but Kubernetes expects an integer: ${REJECTS}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: quoted
spec:
  replicas: "3" # three zones
#           ^^^ invalid-type: StatefulSet "quoted": spec.replicas is the string "3", but Kubernetes expects an integer: ${REJECTS}
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: words
spec:
  replicas: "two"
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: quoted
spec:
  replicas: 3 # three zones
`,
    },
    {
      name: 'numbers and YAML 1.1 booleans where strings are expected are quoted as written',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    version: 1.10
#            ^^^^ invalid-type: Deployment "shop": metadata.labels.version is the number 1.10, but Kubernetes expects a string: ${REJECTS}
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/inject: on
#                                ^^ invalid-type: Deployment "shop": spec.template.metadata.annotations.sidecar.istio.io/inject is \`on\`, which kubectl reads as a boolean, but Kubernetes expects a string: ${REJECTS}
    spec:
      containers:
        - name: web
          args: [--port, 8080]
#                        ^^^^ invalid-type: Container "web" of Deployment "shop": args[1] is the number 8080, but Kubernetes expects a string: ${REJECTS}
          env:
            - name: PORT
              value: 8080
#                    ^^^^ invalid-type: Container "web" of Deployment "shop": env[0].value is the number 8080, but Kubernetes expects a string: ${REJECTS}
            - name: DEBUG
              value: yes # verbose logs
#                    ^^^ invalid-type: Container "web" of Deployment "shop": env[1].value is \`yes\`, which kubectl reads as a boolean, but Kubernetes expects a string: ${REJECTS}
            - name: MASK
              value: 0x1F
#                    ^^^^ invalid-type: Container "web" of Deployment "shop": env[2].value is the number 0x1F, but Kubernetes expects a string: ${REJECTS}
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    version: "1.10"
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/inject: "on"
    spec:
      containers:
        - name: web
          args: [--port, "8080"]
          env:
            - name: PORT
              value: "8080"
            - name: DEBUG
              value: "yes" # verbose logs
            - name: MASK
              value: "0x1F"
`,
    },
    {
      name: 'a container written as a string, a containerPort as a quoted number, a name as a number',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: 2024
#       ^^^^ invalid-type: CronJob "2024": metadata.name is the number 2024, but Kubernetes expects a string: ${REJECTS}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - backup
#             ^^^^^^ invalid-type: CronJob "2024": spec.jobTemplate.spec.template.spec.containers[0] is the string "backup", but Kubernetes expects a map (a container: name, image, ...): ${REJECTS}
            - name: restore
              ports:
                - containerPort: "9090"
#                                ^^^^^^ invalid-type: Container "restore" of CronJob "2024": ports[0].containerPort is the string "9090", but Kubernetes expects an integer: ${REJECTS}
`,
      output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: "2024"
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - backup
            - name: restore
              ports:
                - containerPort: 9090
`,
    },
    {
      name: 'a value that comes from an anchor is reported where it is used, without a fix',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
    - name: web
      env:
        - name: A
          value: &port 8080
#                      ^^^^ invalid-type: Container "web" of Pod "shop": env[0].value is the number 8080, but Kubernetes expects a string: ${REJECTS}
        - name: B
          value: *port
#                ^^^^^ invalid-type: Container "web" of Pod "shop": env[1].value is the number 8080, but Kubernetes expects a string: ${REJECTS}
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
    - name: web
      env:
        - name: A
          value: &port "8080"
        - name: B
          value: *port
`,
    },
    {
      name: 'items of a List are checked one by one',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: fine
    spec:
      containers: [{name: web, image: shop:1.4.2}]
  - apiVersion: v1
    kind: Pod
    metadata:
      name: broken
    spec:
      containers: {name: web}
#                 ^^^^^^^^^^^ invalid-type: Pod "broken": spec.containers is a map, but Kubernetes expects a list of containers: ${REJECTS}
`,
    },
  ],
});
