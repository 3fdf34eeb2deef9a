// Offsets -> LSP. The one place that converts positions: LSP counts UTF-16 units, as JS strings do.
import { CodeDescription, Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver';
import { absoluteRange } from '../analysis/analyze';
import { TextEdit as OffsetEdit } from '../model/edits';
import { LineIndex } from '../model/lines';
import { ManifestFile } from '../model/manifest';
import { ruleDocUrl } from '../rules';
import { Finding, Severity } from '../rules/types';

export const SOURCE = 'kubeready';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries so a code action can find its finding again in the current text. */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  start: number;
  end: number;
  container?: string;
}

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.position(start), end: lines.position(end) };
}

export function toDiagnostic(file: ManifestFile, finding: Finding, version: number): Diagnostic {
  const [start, end] = absoluteRange(finding);
  const data: DiagnosticData = { ruleId: finding.ruleId, version, start, end };
  if (finding.container !== undefined) data.container = finding.container;
  const codeDescription: CodeDescription = { href: ruleDocUrl(finding.ruleId) };
  const diagnostic: Diagnostic = {
    range: toRange(file.lines, start, end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription,
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (finding.ruleId === 'unused-suppression') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toTextEdits(lines: LineIndex, edits: OffsetEdit[]): TextEdit[] {
  return edits.map(e => ({ range: toRange(lines, e.start, e.end), newText: e.text }));
}
