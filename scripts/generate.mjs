// Regenerates the files derived from the rule registry: the rule catalog (docs/rules/README.md) and the
// rule-id enum of the config schema. `npm test` checks that both are up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const { rules } = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'json'], { encoding: 'utf8' }));
writeFileSync('docs/rules/README.md', catalog(rules));
const schema = JSON.parse(readFileSync('schemas/kubeready.schema.json', 'utf8'));
schema.$defs.ruleId.enum = rules.map(r => r.id);
writeFileSync('schemas/kubeready.schema.json', JSON.stringify(schema, null, 2) + '\n');

export function catalog(rules) {
  const lines = [
    '# Rule catalog',
    '',
    'Generated from the rule registry by `npm run generate`; do not edit by hand.',
    '',
    '| Rule | Checklist | Default | Quick fix | What it checks |',
    '|---|---|---|---|---|',
    ...rules.map(r => `| [\`${r.id}\`](${r.id}.md) | ${r.checklist} | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.title} |`),
    '',
  ];
  return lines.join('\n');
}
