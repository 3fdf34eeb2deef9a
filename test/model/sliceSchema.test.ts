// The schema documents are parsed with (model/manifest.ts SLICE_OPTIONS: one shared core schema with a first
// test for plain words) must read every scalar exactly as `yaml`'s own core schema with merge keys does.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Alias, Document, parseDocument, Scalar, visit } from 'yaml';
import { SLICE_OPTIONS } from '../../server/src/model/manifest';
import { yamlFiles } from '../helpers/yamlFiles';

const CORE = { merge: true, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false, strict: false } as const;

/** Every scalar and alias of a document as comparable data: position, value with its JS type, tag, style. */
function scalars(doc: Document): unknown[] {
  const out: unknown[] = [];
  visit(doc, {
    Scalar(_key, node: Scalar) {
      const v = node.value;
      out.push([node.range, typeof v, typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v, node.tag, node.type, node.format, node.source]);
    },
    Alias(_key, node: Alias) {
      out.push(['alias', node.range, node.source]);
    },
  });
  return out;
}

function assertSameReading(text: string, label: string): void {
  const ours = parseDocument(text, SLICE_OPTIONS);
  const core = parseDocument(text, CORE);
  assert.deepEqual(scalars(ours), scalars(core), label);
  assert.deepEqual(ours.toJS({ maxAliasCount: -1 }), core.toJS({ maxAliasCount: -1 }), label);
  assert.deepEqual(ours.errors.map(e => e.code), core.errors.map(e => e.code), label);
  assert.deepEqual(ours.warnings.map(e => e.code), core.warnings.map(e => e.code), label);
}

const PLAIN_SCALARS = [
  // Nulls and booleans of YAML 1.2, which the word test must leave to the core schema.
  'null', 'Null', 'NULL', '~', '', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  // Words that only start like them, and YAML 1.1 booleans (strings in 1.2).
  'nullable', 'Nullx', 'NULLs', 'truee', 'Trueish', 'falsey', 'FALSEHOOD', 'nULL', 'tRUE', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  // Numbers, which never start with a letter, and words that start with a digit or a sign.
  '0', '-1', '+3', '0x1F', '0o17', '1e3', '1.5', '.5', '.inf', '-.Inf', '.nan', '.NaN', '1_000', '8080', '3Gi', '500m', '-x', '.x',
  // Plain words as Kubernetes writes them, and some that are not ASCII.
  'web', 'apiVersion', 'Deployment', 'nginx:1.27', 'a b c', 'x: y', 'Ünïcode', 'été', 'ÑULL', '_private', '$ref', 'a1',
];

describe('model: the schema of document slices', () => {
  it('reads plain scalars, as values and as keys, like the core schema', () => {
    for (const s of PLAIN_SCALARS) {
      assertSameReading(`key: ${s}\n`, `value ${JSON.stringify(s)}`);
      if (s && !s.includes(': ')) assertSameReading(`${s}: 1\n`, `key ${JSON.stringify(s)}`);
      assertSameReading(`- ${s}\n`, `item ${JSON.stringify(s)}`);
    }
  });

  it('leaves quoted, block, flow, tagged, anchored and merged scalars as they were', () => {
    const text = [
      'a: "true"', "b: 'null'", 'c: |\n  null', 'd: >\n  true', 'e: [true, null, web, 1]', 'f: {x: false, y: word}',
      'g: !!str true', 'h: !!int "3"', 'i: !!set {a, b}', 'j: !!binary aGVsbG8=', 'k: &k true', 'l: *k',
      'base: &base {cpu: 100m, on: yes}', 'merged:\n  <<: *base\n  extra: word', 'm: !custom word', 'n: 2001-12-14',
    ].join('\n') + '\n';
    assertSameReading(text, 'mixed styles');
    // Twice: `yaml` records the known tags a document names in its schema, which the next documents share.
    assertSameReading(text, 'mixed styles, second document');
  });

  for (const [name, dir] of [['the bundled examples', 'examples'], ["the peers' fixtures", join('..', 'shared', 'corpus')]] as const) {
    it(`reads every document of ${name} like the core schema`, { skip: !existsSync(dir) && `${dir} not present` }, () => {
      let documents = 0;
      for (const path of yamlFiles(dir)) {
        for (const part of readFileSync(path, 'utf8').split(/^---[ \t]*$/m)) {
          assertSameReading(part, path);
          documents++;
        }
      }
      assert.ok(documents > 0, `no document read in ${dir}`);
    });
  }
});
