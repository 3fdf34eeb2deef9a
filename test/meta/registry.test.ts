// Every registered rule has a doc, a test table, a proper remediation; generated files are up to date.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules';

describe('rule registry', () => {
  it('ids are unique, kebab-case and sorted', () => {
    const ids = allRules.map(r => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
  });

  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('has a doc with the required sections', () => {
        const path = `docs/rules/${rule.meta.id}.md`;
        assert.ok(existsSync(path), `${path} is missing`);
        const doc = readFileSync(path, 'utf8');
        assert.match(doc, new RegExp(`^# ${rule.meta.id}\\n`));
        for (const section of ['## What it checks', '## What happens in production when it fails', '## How to fix it', '## How to suppress it']) {
          assert.ok(doc.includes(section), `${path} lacks "${section}"`);
        }
      });
      it('has a test table', () => {
        const path = `test/rules/${rule.meta.id}.test.ts`;
        assert.ok(existsSync(path), `${path} is missing`);
        assert.match(readFileSync(path, 'utf8'), /ruleTester\.run\(/);
      });
      it('has a remediation that is a sentence ending with a period, and one-sentence whenItFails', () => {
        assert.match(rule.meta.remediation, /^[A-Z`].*\.$/s);
        assert.match(rule.meta.whenItFails, /^[A-Z`].*\.$/s);
        assert.doesNotMatch(rule.meta.title, /\.$/);
      });
    });
  }

  it('docs/rules/README.md is generated from the registry (npm run generate)', () => {
    const text = readFileSync('docs/rules/README.md', 'utf8');
    for (const rule of allRules) {
      const row = `| [\`${rule.meta.id}\`](${rule.meta.id}.md) | ${rule.meta.checklist} | ${rule.meta.severity} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.title} |`;
      assert.ok(text.includes(row), `catalog row out of date for ${rule.meta.id}; run npm run generate`);
    }
    const rows = text.split('\n').filter(l => l.startsWith('| [`'));
    assert.equal(rows.length, allRules.length, 'catalog lists rules that are not registered; run npm run generate');
  });

  it("the config schema's rule-id enum matches the registry", () => {
    const schema = JSON.parse(readFileSync('schemas/kubeready.schema.json', 'utf8'));
    assert.deepEqual(schema.$defs.ruleId.enum, allRules.map(r => r.meta.id));
  });

  it('package.json contributes the config schema and the settings the server reads', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.contributes.yamlValidation[0].url, './schemas/kubeready.schema.json');
    const props = Object.keys(pkg.contributes.configuration.properties);
    for (const key of ['enable', 'rules', 'exclude', 'replicas.minimum', 'resources.requireCpuLimit', 'fixes.resources', 'fixes.probePaths', 'trace.server', 'validation.delayMs', 'validation.maxFileSizeKb']) {
      assert.ok(props.includes(`kubeready.${key}`), `missing setting kubeready.${key}`);
    }
  });
});
