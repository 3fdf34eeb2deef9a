// Offsets -> LSP. The one place that converts positions: LSP counts UTF-16 units, as JS strings do.
import { CodeDescription, Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver';
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

// The objects of a publish are built by constructors, not object literals. V8 may decide that objects from a
// literal's allocation site live long and allocate them directly in the old generation ("pretenuring"); when
// it did for these literals, converting the 3,500 diagnostics of the 1,000-document file took 5 ms instead of
// 0.5 ms, in about half of the server processes (bench/README.md). Constructed objects are not tracked that way.

class LspPosition {
  constructor(readonly line: number, readonly character: number) {}
}

class LspRange {
  constructor(readonly start: LspPosition, readonly end: LspPosition) {}
}

class RuleLink implements CodeDescription {
  constructor(readonly href: string) {}
}

class FindingData implements DiagnosticData {
  constructor(readonly ruleId: string, readonly version: number, readonly start: number, readonly end: number, readonly container: string | undefined) {}
}

class KubereadyDiagnostic implements Diagnostic {
  readonly source = SOURCE;
  constructor(
    readonly range: LspRange,
    readonly severity: DiagnosticSeverity,
    readonly code: string,
    readonly codeDescription: RuleLink,
    readonly message: string,
    readonly data: FindingData,
    // Absent from the JSON when undefined, like every undefined field here.
    readonly tags: DiagnosticTag[] | undefined,
  ) {}
}

function position(lines: LineIndex, offset: number): LspPosition {
  const clamped = Math.max(0, Math.min(offset, lines.text.length));
  const line = lines.lineOf(clamped);
  return new LspPosition(line, clamped - lines.starts[line]);
}

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return new LspRange(position(lines, start), position(lines, end));
}

export function toDiagnostic(file: ManifestFile, finding: Finding, version: number): Diagnostic {
  const offset = finding.document.offset;
  const start = offset + finding.start;
  const end = offset + finding.end;
  return new KubereadyDiagnostic(
    toRange(file.lines, start, end),
    SEVERITY[finding.severity],
    finding.ruleId,
    new RuleLink(ruleDocUrl(finding.ruleId)),
    finding.message,
    new FindingData(finding.ruleId, version, start, end, finding.container),
    finding.ruleId === 'unused-suppression' ? [DiagnosticTag.Unnecessary] : undefined,
  );
}

export function toTextEdits(lines: LineIndex, edits: OffsetEdit[]): TextEdit[] {
  return edits.map(e => ({ range: toRange(lines, e.start, e.end), newText: e.text }));
}
