// docs/suppression.md lists every peer annotation the engine honours.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { PEER_ANNOTATIONS } from '../../server/src/analysis/peerAnnotations';

it('docs/suppression.md has a row for every peer check we map', () => {
  const doc = readFileSync('docs/suppression.md', 'utf8');
  for (const [peer, map] of Object.entries(PEER_ANNOTATIONS)) {
    for (const [check, rules] of Object.entries(map)) {
      const exact = new RegExp(`[/ ]${check.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-exempt)?[:\` ]`);
      const row = doc.split('\n').find(l => l.startsWith(`| ${peer} |`) && exact.test(l));
      assert.ok(row, `no row for ${peer} ${check}`);
      for (const r of rules) assert.ok(row.includes(`\`${r}\``), `${peer} ${check} row lacks ${r}`);
    }
  }
});
