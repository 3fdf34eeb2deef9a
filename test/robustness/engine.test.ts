// Every hostile input through the engine the CLI and the server share: the findings expected, positions in
// code points and UTF-16 units, and every quick fix and fix-all valid and minimal (oracle.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toRecord } from '../../server/src/analysis/records';
import { toDiagnostic } from '../../server/src/lsp/toLsp';
import { assertExpectation, Reported } from './expect';
import { HOSTILE_INPUTS } from './inputs';
import { examine } from './oracle';

describe('hostile input: engine', () => {
  for (const input of HOSTILE_INPUTS) {
    it(input.name, () => {
      const verdict = examine(input.text, { path: input.path });
      assert.deepEqual(verdict.failures, [], `${input.name}: ${verdict.failures.join('\n')}`);
      const file = verdict.file!;
      const reported: Reported[] = verdict.findings.map(f => {
        const record = toRecord(file, input.path, f);
        const diagnostic = toDiagnostic(file, f, 1);
        assert.equal(diagnostic.range.start.line + 1, record.line);
        return { ruleId: f.ruleId, line: record.line, column: record.column, character: diagnostic.range.start.character, severity: f.severity, object: f.object?.name };
      });
      assertExpectation(input.name, reported, input.expect);
    });
  }
});
