import { imageTag } from '../../server/src/rules/image-tag';
import { ruleTester } from '../helpers/ruleTester';

const C = `each node runs whatever the tag pointed to when it pulled, so replicas drift apart and a rollback redeploys the same image.`;

ruleTester.run(imageTag, {
  valid: [
    {
      name: "fixed tags, digests, registry ports",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dont-fire
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: registry.example.com:5000/team/init:2.3.1
      containers:
        - name: web
          image: nginx:1.27.3
        - name: pinned
          image: nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac
        - name: latest-but-pinned
          image: nginx:latest@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac
`,
    },
    {
      name: "templated or missing images are filled in later",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: templated
spec:
  containers:
  - name: a
    image: \${IMAGE}
  - name: b
    image: "{{ .Values.image }}"
  - name: c
`,
    },
  ],
  invalid: [
    {
      name: "no tag, :latest, a registry port that is not a tag; multi-document with dont-fire",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: dont-fire
spec:
  containers:
  - name: app
    image: app:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: registry.local:5000/team/init
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ image-tag: Init container "init" of Deployment "shop" uses image "registry.local:5000/team/init" without a tag, which pulls :latest: ${C}
      containers:
        - name: web
          image: nginx # official image
#                ^^^^^ image-tag: Container "web" of Deployment "shop" uses image "nginx" without a tag, which pulls :latest: ${C}
        - name: cache
          image: "redis:latest"
#                ^^^^^^^^^^^^^^ image-tag: Container "cache" of Deployment "shop" uses image "redis:latest", and :latest moves with every push: ${C}
`,
    },
    {
      name: "flow style CronJob, anchors, CRLF",
      code: "apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: nightly}\r\nspec:\r\n  schedule: \"0 3 * * *\"\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          containers: [{name: a, image: &img \"busybox\"}, {name: b, image: *img}]\r\n#                                            ^^^^^^^^^ image-tag: Container \"a\" of CronJob \"nightly\" uses image \"busybox\" without a tag, which pulls :latest: each node runs whatever the tag pointed to when it pulled, so replicas drift apart and a rollback redeploys the same image.\n#                                                                         ^^^^ image-tag: Container \"b\" of CronJob \"nightly\" uses image \"busybox\" without a tag, which pulls :latest: each node runs whatever the tag pointed to when it pulled, so replicas drift apart and a rollback redeploys the same image.\n          restartPolicy: Never\r\n",
    },
  ],
});
