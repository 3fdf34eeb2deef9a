import { unusedSuppression } from '../../server/src/rules/unused-suppression';
import { ruleTester } from '../helpers/ruleTester';

ruleTester.run(unusedSuppression, {
  valid: [
    { name: 'no suppressions', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
  ],
  invalid: [
    {
      name: 'an annotation naming a rule that does not exist, and one that does not fire here',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    kubeready.io/ignore: "memory-limits -- typo"
#                        ^^^^^^^^^^^^^^^^^^^^^^^ unused-suppression: Unknown rule id "memory-limits" in annotation kubeready.io/ignore: this suppression suppresses nothing.
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
  # kubeready-ignore pdb -- left over from when this was a Deployment
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unused-suppression: comment kubeready-ignore suppresses "pdb" but nothing here is reported by it: remove the stale exemption.
  labels: {app: other}`,
    },
  ],
});
