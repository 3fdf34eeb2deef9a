import { fileTooLarge } from '../../server/src/rules/file-too-large';
import { ruleTester } from '../helpers/ruleTester';

const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + Array.from({ length: 80 }, (_, i) => `  key${i}: "${'x'.repeat(20)}"`).join('\n') + '\n';

ruleTester.run(fileTooLarge, {
  valid: [{ name: 'below the cap', code: big, settings: { validation: { maxFileSizeKb: 100 } } }],
  invalid: [{
    name: 'above the cap: one info finding at the top, nothing else',
    settings: { validation: { maxFileSizeKb: 2 } },
    code: big.replace('apiVersion: v1\n', 'apiVersion: v1\n^ file-too-large: This file is 3 KB, above the 2 KB limit (kubeready.validation.maxFileSizeKb): it is not checked in the editor; `kubeready lint` checks it.\n'),
  }],
});
