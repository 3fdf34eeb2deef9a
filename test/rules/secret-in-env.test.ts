import { secretInEnv } from '../../server/src/rules/secret-in-env';
import { ruleTester } from '../helpers/ruleTester';

const C = `it sits in Git history and in every \`kubectl get -o yaml\`; reference a Secret with valueFrom.secretKeyRef instead.`;

ruleTester.run(secretInEnv, {
  valid: [
    {
      name: "secrets come from valueFrom; names about secrets and switches are not secrets",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
            - name: PASSWORD_FILE
              value: /run/secrets/db
            - name: TOKEN_URL
              value: https://auth.example.com/token
            - name: SECRET_NAME
              value: db-credentials
            - name: AWS_ACCESS_KEY_ID
              value: AKIAEXAMPLE
            - name: REQUIRE_PASSWORD
              value: "true"
            - name: CACHE_KEY
              value: v2
            - name: API_TOKEN
              value: $(TOKEN_FROM_FILE)
            - name: PWD
              value: /app
            - name: GREETING
              value: hello
`,
    },
  ],
  invalid: [
    {
      name: "names that look like secrets, private keys and URLs with passwords; multi-document with dont-fire",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1
    env:
    - name: LOG_LEVEL
      value: info
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:2.1
          env:
            - name: DB_PASSWORD
              value: hunter2 # TODO move to a Secret
#                    ^^^^^^^ secret-in-env: Container "api" of Deployment "api" sets env var DB_PASSWORD, which looks like a secret, to a literal value: ${C}
            - name: stripeApiKey
              value: sk_live_abc
#                    ^^^^^^^^^^^ secret-in-env: Container "api" of Deployment "api" sets env var stripeApiKey, which looks like a secret, to a literal value: ${C}
            - name: AWS_SECRET_ACCESS_KEY
              value: wJalrXUtnFEMI
#                    ^^^^^^^^^^^^^ secret-in-env: Container "api" of Deployment "api" sets env var AWS_SECRET_ACCESS_KEY, which looks like a secret, to a literal value: ${C}
            - name: OCI_CLI_KEY_CONTENT
              value: abc
#                    ^^^ secret-in-env: Container "api" of Deployment "api" sets env var OCI_CLI_KEY_CONTENT, which looks like a secret, to a literal value: ${C}
            - name: DATABASE_URL
              value: postgres://app:s3cret@db:5432/app
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ secret-in-env: Container "api" of Deployment "api" puts a URL with a password into env var DATABASE_URL as a literal value: ${C}
            - name: TLS_KEY_MATERIAL
              value: |
#                    ^ secret-in-env: Container "api" of Deployment "api" puts a private key into env var TLS_KEY_MATERIAL as a literal value: ${C}
                -----BEGIN RSA PRIVATE KEY-----
                MIIEow...
                -----END RSA PRIVATE KEY-----
`,
    },
    {
      name: "flow style CronJob with an init container, anchors, 4-space indentation",
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
    name: backup
spec:
    schedule: "0 3 * * *"
    jobTemplate:
        spec:
            template:
                spec:
                    initContainers: [{name: login, image: "aws:2", env: [{name: GITHUB_TOKEN, value: &tok ghp_123}]}]
#                                                                                                         ^^^^^^^ secret-in-env: Init container "login" of CronJob "backup" sets env var GITHUB_TOKEN, which looks like a secret, to a literal value: ${C}
                    containers:
                    - name: job
                      image: busybox:1.36
                      env: [{name: token, value: *tok}]
#                                                ^^^^ secret-in-env: Container "job" of CronJob "backup" sets env var token, which looks like a secret, to a literal value: ${C}
                    restartPolicy: Never
`,
    },
    {
      name: "CRLF",
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: app:1\r\n    env:\r\n    - name: JWT_SECRET\r\n      value: changeme\r\n#            ^^^^^^^^ secret-in-env: Container \"app\" of Pod \"p\" sets env var JWT_SECRET, which looks like a secret, to a literal value: it sits in Git history and in every `kubectl get -o yaml`; reference a Secret with valueFrom.secretKeyRef instead.\n",
    },
  ],
});
