// The starter .kubeready.yaml ("Kubeready: Create Configuration File") and the rule catalog the
// "Open Rule Documentation" picker reads.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { CONFIG_FILE_NAMES, starterConfig, yamlString } from '../../client/src/config/starter';
import { parseRuleCatalog } from '../../client/src/ruleDocs/catalog';
import { CONFIG_FILE_NAMES as SERVER_CONFIG_FILE_NAMES, parseConfig } from '../../server/src/analysis/config';
import { defaultSettings, mergeSettings } from '../../server/src/analysis/settings';
import { allRules } from '../../server/src/rules';

describe('starter configuration file', () => {
  it('is valid for the server, sets nothing with default settings, and documents every option', () => {
    const text = starterConfig({});
    const parsed = parseConfig(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.ignores, []);
    assert.deepEqual(mergeSettings(defaultSettings(), parsed.settings), defaultSettings());
    for (const option of ['rules:', 'exclude:', 'replicas:', 'minimum: 2', 'requireCpuLimit: true', 'fixes:', 'probePaths:', 'ignore:']) {
      assert.ok(text.includes(option), `mentions ${option}`);
    }
    // Mostly comments: a starter, not a wall of settings.
    const lines = text.split('\n').filter(l => l.trim());
    assert.ok(lines.filter(l => l.trim().startsWith('#')).length > lines.length / 2);
  });

  it('writes the folder\'s non-default settings as active options, so creating it changes nothing', () => {
    const values = {
      rules: { 'cpu-limit': 'off', 'image-tag': 'error', 'not-a-level': 'loud' },
      exclude: ['vendor/**', 'charts/*/templates/**'],
      replicasMinimum: 3,
      requireCpuLimit: false,
      fixResources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
      probePaths: { readiness: '/ready', liveness: '/livez' },
    };
    const text = starterConfig(values);
    const parsed = parseConfig(text);
    assert.deepEqual(parsed.problems, [], text);
    const effective = mergeSettings(defaultSettings(), parsed.settings);
    assert.deepEqual(effective.rules, { 'cpu-limit': 'off', 'image-tag': 'error' });
    assert.deepEqual(effective.exclude, ['vendor/**', 'charts/*/templates/**']);
    assert.equal(effective.replicas.minimum, 3);
    assert.equal(effective.resources.requireCpuLimit, false);
    // "1" must stay a string quantity, not become the number 1.
    assert.deepEqual(effective.fixes.resources, { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } });
    assert.deepEqual(effective.fixes.probePaths, { readiness: '/ready', liveness: '/livez' });
    assert.match(text, /^ {2}"cpu-limit"|^ {2}cpu-limit: off$/m);
  });

  it('ignores values of the wrong type instead of writing a broken file', () => {
    const text = starterConfig({ rules: 'cpu-limit', exclude: [3, ''], replicasMinimum: 0, requireCpuLimit: 'no', fixResources: [], probePaths: null });
    const parsed = parseConfig(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(mergeSettings(defaultSettings(), parsed.settings), defaultSettings());
  });

  it('uses only real rule ids in its examples', () => {
    const ids = new Set(allRules.map(r => r.meta.id));
    const text = starterConfig({});
    const mentioned = [...text.matchAll(/^# {3}([a-z0-9-]+): (?:off|info|warning|error)\b/gm), ...text.matchAll(/rule: ([a-z0-9-]+)/g)].map(m => m[1]);
    assert.ok(mentioned.length >= 3, text);
    for (const id of mentioned) assert.ok(ids.has(id), id);
  });

  it('is written under a name the server reads', () => {
    assert.deepEqual(CONFIG_FILE_NAMES, SERVER_CONFIG_FILE_NAMES);
  });

  it('quotes strings that YAML would read as something else', () => {
    for (const s of ['1', '0.5', 'off', 'yes', 'null', '~', '*.yaml', 'a: b', '#x', '', ' lead', 'vendor/**', '/healthz', '100m', '128Mi', '1.5Gi', '2E', '1e3', '0x1F', 'charts/*/x']) {
      const doc = parseDocument(`v: ${yamlString(s)}\n`);
      assert.deepEqual(doc.errors, []);
      assert.equal(doc.get('v'), s, `${s} -> ${yamlString(s)}`);
    }
    assert.equal(yamlString('vendor/**'), 'vendor/**');
    assert.equal(yamlString('1'), '"1"');
    assert.equal(yamlString('100m'), '100m');
  });
});

describe('rule catalog of the bundled docs', () => {
  it('parses docs/rules/README.md into the rules that have a page', () => {
    const catalog = parseRuleCatalog(readFileSync('docs/rules/README.md', 'utf8'));
    assert.ok(catalog.length > 0);
    const memory = catalog.find(e => e.id === 'memory-limit');
    assert.deepEqual(memory, { id: 'memory-limit', checklist: 'resources', severity: 'warning', fixable: true, title: 'Containers limit memory' });
    assert.equal(new Set(catalog.map(e => e.id)).size, catalog.length);
    assert.ok(catalog.every(e => /^[a-z0-9-]+$/.test(e.id) && e.title.length > 0), JSON.stringify(catalog));
    assert.ok(existsSync('docs/rules/memory-limit.md'));
  });

  it('skips rows that are not rule rows', () => {
    assert.deepEqual(parseRuleCatalog('| Rule | Checklist |\n|---|---|\n| [`a`](b.md) | x | y | | t |\n'), []);
  });
});
