// `kubeready rules`: the catalog.
import { allRules, ruleDocUrl } from '../rules';

export function listRules(format: string): number {
  if (format === 'json') {
    const rules = allRules.map(r => ({ ...r.meta, kinds: r.meta.kinds ? [...r.meta.kinds] : undefined, docs: ruleDocUrl(r.meta.id) }));
    process.stdout.write(JSON.stringify({ version: 1, rules }, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...allRules.map(r => r.meta.id.length));
  for (const r of allRules) {
    process.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.checklist.padEnd(13)}  ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.title}\n`);
  }
  return 0;
}
