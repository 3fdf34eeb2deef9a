import { yamlLimits } from '../../server/src/rules/yaml-limits';
import { ruleTester } from '../helpers/ruleTester';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n';
const DEEP = `Nesting too deep: more than 200 levels of maps, lists or indentation. No Kubernetes object nests this deep; the document is not checked.`;
const BOMB = 'Alias expansion too large: aliases make this document expand to more than 100,000 nodes (a "billion laughs" pattern); kubectl rejects it as excessive aliasing and it is not checked.';

/** The caret line under column `col` (0-based) of the line above. */
const caret = (col: number, width: number, text: string) => `#${' '.repeat(col - 1)}${'^'.repeat(width)} ${text}`;

function laughs(levels: number): string {
  const lines = ['  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

ruleTester.run(yamlLimits, {
  valid: [
    { name: 'ordinary nesting', code: `${HEAD}  a: {b: {c: [[1, 2], [3]]}}\n` },
    { name: 'aliases that expand a little', code: `${HEAD}${laughs(3)}\n` },
    {
      name: 'nesting inside a block scalar is text, not structure',
      code: `${HEAD}  script: |\n${Array.from({ length: 300 }, (_, i) => `    ${' '.repeat(i)}[`).join('\n')}\n`,
    },
    { name: 'not kubernetes: no finding even when deep', code: `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  ],
  invalid: [
    {
      name: '10,000 nested flow lists; the next document is still checked',
      code: `${HEAD}  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}
${caret(203, 1, `yaml-limits: ${DEEP}`)}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: fine
`,
    },
    {
      name: '10,000 nested block sequences on one line',
      code: `${HEAD}  x:\n    ${'- '.repeat(10_000)}a
${caret(4 + 2 * 198, 1, `yaml-limits: ${DEEP}`)}
`,
    },
    {
      name: 'a billion laughs: the finding points at the alias that expands the most',
      code: `${HEAD}${laughs(10)}
${caret(11, 3, `yaml-limits: ${BOMB}`)}
`,
    },
  ],
});
