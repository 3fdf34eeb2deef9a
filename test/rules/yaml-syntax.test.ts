import { yamlSyntax } from '../../server/src/rules/yaml-syntax';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(yamlSyntax, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n',
    { name: 'anchors and aliases resolve', code: 'x: &a {b: 1}\ny: *a\n' },
    { name: 'empty file', code: '' },
    { name: 'only comments', code: '# nothing here\n# at all\n' },
  ],
  invalid: [
    {
      name: 'unclosed flow map; the next document is still parsed',
      code: `apiVersion: v1
kind: ConfigMap
metadata: {name: broken
#                     ^ yaml-syntax: Flow map in block collection must be sufficiently indented and end with a }.
---
apiVersion: v1
kind: ConfigMap
metadata: {name: fine}`,
    },
    {
      name: 'duplicate key',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  name: b
# ^^^^ yaml-syntax: Map keys must be unique.`,
    },
    {
      name: 'alias to a missing anchor',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: *nope
#       ^^^^^ yaml-syntax: Unknown anchor "nope": no &nope defined before this alias.`,
    },
  ],
});
