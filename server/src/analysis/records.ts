// Findings as plain records with human positions (1-based lines, columns in code points): what the CLI
// formats and what other tools read.
import { ManifestFile } from '../model/manifest';
import { Finding, ObjectRef, Severity, Checklist } from '../rules/types';
import { absoluteRange } from './analyze';

export interface FindingRecord {
  file: string;
  ruleId: string;
  severity: Severity;
  checklist: Checklist;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  object?: ObjectRef;
  container?: string;
  fixable: boolean;
  suppressed?: boolean;
}

export function toRecord(file: ManifestFile, displayPath: string, finding: Finding): FindingRecord {
  const [start, end] = absoluteRange(finding);
  const s = file.lines.humanPosition(start);
  const e = file.lines.humanPosition(end);
  const record: FindingRecord = {
    file: displayPath,
    ruleId: finding.ruleId,
    severity: finding.severity,
    checklist: finding.checklist,
    message: finding.message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    fixable: finding.fixes.length > 0,
  };
  // The finding's reference is shared by the findings of its object (read-only): so is the record's.
  if (finding.object) record.object = finding.object;
  if (finding.container !== undefined) record.container = finding.container;
  return record;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function compareRecords(a: FindingRecord, b: FindingRecord): number {
  // Equal paths (every record of a one-file lint) are not collated: that would load ICU (about 10 ms of a
  // command that should take 150). Rule ids are lowercase ASCII, where code-unit order is collation order.
  return (a.file === b.file ? 0 : a.file.localeCompare(b.file)) || a.line - b.line || a.column - b.column
    || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
