// Every fix on every real-looking manifest we have (examples/ and the peers' fixtures in ../shared/corpus):
// the text re-parses, the finding is gone, no comment is lost, nothing outside the fixed document changes,
// and fix-all converges (a second pass is a no-op).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixEdits } from '../../server/src/analysis/analyze';
import { fixAllText } from '../../server/src/analysis/fixAll';
import { lintText } from '../../server/src/analysis/lint';
import { defaultSettings } from '../../server/src/analysis/settings';
import { applyEdits } from '../../server/src/model/edits';
import { Finding } from '../../server/src/rules/types';
import { yamlFiles } from '../helpers/yamlFiles';

const CORPUS = join('..', 'shared', 'corpus');

const inputs = [...yamlFiles('examples'), ...yamlFiles(join(CORPUS, 'polaris')), ...yamlFiles(join(CORPUS, 'kube-linter'))];
const settings = defaultSettings();
const comments = (text: string) => text.split(/\r?\n/).filter(l => /^\s*#/.test(l)).map(l => l.trim());
const sameSubject = (a: Finding) => (b: Finding) => b.ruleId === a.ruleId && b.container === a.container
  && b.object?.kind === a.object?.kind && b.object?.name === a.object?.name && b.object?.namespace === a.object?.namespace;
const REMOVING_FIXES = /^Remove /;

describe('fix properties over the examples and the peer corpus', () => {
  const counts = { files: 0, findings: 0, fixable: 0, fixesApplied: 0, fixAllFiles: 0 };

  it('every fix re-parses, removes its finding, keeps comments and other documents', () => {
    const failures: string[] = [];
    for (const path of inputs) {
      const text = readFileSync(path, 'utf8');
      const { file, findings } = lintText(path, text, settings);
      if (file.documents.some(d => d.problems.length)) continue;
      counts.files++;
      counts.findings += findings.length;
      for (const finding of findings) {
        if (!finding.fixes.length) continue;
        counts.fixable++;
        for (const fix of finding.fixes) {
          const fixed = applyEdits(text, fixEdits(file, finding, fix));
          counts.fixesApplied++;
          const where = `${path}: ${finding.ruleId} "${fix.title}"`;
          const after = lintText(path, fixed, settings);
          if (after.file.documents.some(d => d.problems.length)) {
            failures.push(`${where}: fixed text does not parse`);
            continue;
          }
          if (after.findings.filter(sameSubject(finding)).length >= findings.filter(sameSubject(finding)).length) failures.push(`${where}: finding survives`);
          const lost = comments(text).filter(c => !comments(fixed).includes(c));
          if (lost.length) failures.push(`${where}: comments lost: ${lost.join(' | ')}`);
          if (!REMOVING_FIXES.test(fix.title)) {
            // Documents before the fixed one are untouched byte for byte; later ones keep their text.
            const before = file.documents.filter(d => d.index < finding.document.index).map(d => d.text).join('');
            if (!fixed.startsWith(before)) failures.push(`${where}: an earlier document changed`);
            const later = file.documents.filter(d => d.index > finding.document.index).map(d => d.text).join('');
            if (!fixed.endsWith(later)) failures.push(`${where}: a later document changed`);
          }
        }
      }
    }
    console.log(`fix properties: ${counts.files} files, ${counts.findings} findings, ${counts.fixable} fixable, ${counts.fixesApplied} fixes applied`);
    assert.deepEqual(failures, []);
  });

  it('fix-all converges: a second pass changes nothing', () => {
    const failures: string[] = [];
    let fixed = 0;
    for (const path of inputs) {
      const text = readFileSync(path, 'utf8');
      const analyze = (t: string) => lintText(path, t, settings);
      if (analyze(text).file.documents.some(d => d.problems.length)) continue;
      const first = fixAllText(text, analyze);
      fixed += first.fixed.length;
      if (first.text !== text) counts.fixAllFiles++;
      const second = fixAllText(first.text, analyze);
      if (second.text !== first.text) failures.push(`${path}: second fix-all pass changed the text`);
      const reparsed = analyze(first.text);
      if (reparsed.file.documents.some(d => d.problems.length)) failures.push(`${path}: fix-all output does not parse`);
      const lost = comments(text).filter(c => !comments(first.text).includes(c));
      if (lost.length) failures.push(`${path}: fix-all lost comments`);
    }
    console.log(`fix-all: ${fixed} findings fixed in ${counts.fixAllFiles} of ${counts.files} files, all converged`);
    assert.deepEqual(failures, []);
  });
});
