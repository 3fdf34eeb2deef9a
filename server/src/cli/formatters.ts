// Output formats of `kubeready lint`.
import { FindingRecord } from '../analysis/records';

export interface Summary {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  suppressed: number;
}

export function summarize(records: FindingRecord[], files: number): Summary {
  const active = records.filter(r => !r.suppressed);
  return {
    files,
    findings: active.length,
    errors: active.filter(r => r.severity === 'error').length,
    warnings: active.filter(r => r.severity === 'warning').length,
    infos: active.filter(r => r.severity === 'info').length,
    fixable: active.filter(r => r.fixable).length,
    suppressed: records.length - active.length,
  };
}

export function formatText(records: FindingRecord[], summary: Summary): string {
  const lines = records.map(r => `${r.file}:${r.line}:${r.column} ${r.severity} ${r.message} [${r.ruleId}]${r.suppressed ? ' (suppressed)' : ''}`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos, 'info')];
  let tail = `${plural(summary.findings, 'finding')} (${parts.join(', ')}) in ${plural(summary.files, 'file')}`;
  if (summary.fixable) tail += `; ${summary.fixable} fixable with \`kubeready fix\``;
  if (summary.suppressed) tail += `; ${summary.suppressed} suppressed`;
  lines.push(tail);
  return lines.join('\n') + '\n';
}

export function formatJson(records: FindingRecord[], summary: Summary): string {
  return JSON.stringify({ version: 1, findings: records, summary }, null, 2) + '\n';
}
