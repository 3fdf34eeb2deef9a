// A file's findings as one line each, positions included: what tests compare between two ways of analysing
// the same workspace (incremental vs fresh, summarized vs parsed up front).
import { Project } from '../../server/src/analysis/project';
import { toRecord } from '../../server/src/analysis/records';
import { defaultSettings } from '../../server/src/analysis/settings';

const settings = defaultSettings();

export function renderFindings(project: Project, uri: string): string[] {
  const file = project.get(uri);
  if (!file) return [];
  return project.analyze(uri, settings, { path: uri }).map(f => {
    const r = toRecord(file, uri, f);
    return `${r.line}:${r.column}-${r.endLine}:${r.endColumn} ${r.severity} ${r.ruleId}${f.suppressed ? ' (suppressed)' : ''} ${r.message}`;
  });
}
