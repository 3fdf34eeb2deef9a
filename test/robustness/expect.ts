// Compares what a front end reported for a hostile input with the input's expectation.
import assert from 'node:assert/strict';
import { Expectation } from './inputs';

/** A finding as any front end gives it: line 1-based; column in code points (CLI) and/or character in UTF-16 units (LSP). */
export interface Reported {
  ruleId: string;
  line: number;
  column?: number;
  character?: number;
  severity: string;
  object?: string;
}

export function assertExpectation(name: string, reported: Reported[], expect: Expectation): void {
  const ids = [...new Set(reported.map(r => r.ruleId))].sort();
  const show = () => `${name}: got ${JSON.stringify(reported.map(r => `${r.line}:${r.column ?? '-'}/${r.character ?? '-'} ${r.severity} ${r.ruleId}${r.object ? ` ${r.object}` : ''}`), null, 1)}`;
  if (expect.only) assert.deepEqual(ids, [...expect.only].sort(), show());
  for (const id of expect.has ?? []) assert.ok(ids.includes(id), `${show()}\nexpected a ${id} finding`);
  for (const id of expect.lacks ?? []) assert.ok(!ids.includes(id), `${show()}\nexpected no ${id} finding`);
  for (const at of expect.at ?? []) {
    const match = reported.find(r => r.ruleId === at.rule && r.line === at.line
      && (r.column === undefined || r.column === at.column)
      && (r.character === undefined || at.character === undefined || r.character === at.character));
    assert.ok(match, `${show()}\nexpected ${at.rule} at line ${at.line}, column ${at.column}${at.character !== undefined ? `, character ${at.character}` : ''}`);
    if (at.severity) assert.equal(match.severity, at.severity, `${show()}\nseverity of ${at.rule}`);
  }
  if (expect.maxFindings !== undefined) assert.ok(reported.length <= expect.maxFindings, `${name}: ${reported.length} findings`);
  const objects = new Set(reported.map(r => r.object).filter(Boolean));
  for (const o of expect.objects ?? []) assert.ok(objects.has(o), `${show()}\nexpected findings about ${o}`);
  for (const o of expect.notObjects ?? []) assert.ok(!objects.has(o), `${show()}\nexpected no finding about ${o}`);
}
