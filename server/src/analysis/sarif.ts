// SARIF 2.1.0, shared by `kubeready lint --format sarif` and the editor's "Export SARIF report".
import { allRules, ruleDocUrl } from '../rules';
import { FindingRecord } from './records';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function sarifLog(records: FindingRecord[], version = '0.0.0'): object {
  const used = new Set(records.map(r => r.ruleId));
  const rules = allRules.filter(r => used.has(r.meta.id));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Kubeready',
          informationUri: 'https://github.com/kubeready/kubeready',
          version,
          rules: rules.map(r => ({
            id: r.meta.id,
            name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
            shortDescription: { text: r.meta.title },
            fullDescription: { text: r.meta.whenItFails },
            help: { text: r.meta.remediation },
            helpUri: ruleDocUrl(r.meta.id),
            defaultConfiguration: { level: LEVEL[r.meta.severity] },
            properties: { tags: [r.meta.checklist, 'kubernetes'] },
          })),
        },
      },
      results: records.map(r => {
        const result: Record<string, unknown> = {
          ruleId: r.ruleId,
          level: LEVEL[r.severity],
          message: { text: r.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: artifactUri(r.file) },
              region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: Math.max(r.endColumn, r.endLine === r.line ? r.column : 1) },
            },
          }],
        };
        const ruleIndex = index.get(r.ruleId);
        if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
        if (r.suppressed) result.suppressions = [{ kind: 'inSource' }];
        if (r.object) result.properties = { object: r.object, ...(r.container !== undefined ? { container: r.container } : {}) };
        return result;
      }),
      columnKind: 'unicodeCodePoints',
    }],
  };
}

/**
 * A file path as the URI reference SARIF requires (`format: uri-reference`): relative paths stay relative,
 * absolute ones become file: URIs, and every segment is percent-encoded (spaces, `:`, `#`, non-ASCII...).
 */
export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map(segment => encodeURIComponent(segment)).join('/');
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive) return `file:///${drive[1]}:/${encode(path.slice(3))}`;
  if (path.startsWith('/')) return `file://${encode(path)}`;
  return encode(path);
}

export function formatSarif(records: FindingRecord[], version?: string): string {
  return JSON.stringify(sarifLog(records, version), null, 2) + '\n';
}
