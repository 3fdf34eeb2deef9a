// The inputs the fuzzer mutates: the repository's examples/, the hand-written robustness fixtures and the
// shared conformance corpus (../shared/corpus, read at run time and skipped cleanly when absent).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface Seed {
  name: string;
  text: string;
}

function yamlFiles(dir: string, json: boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) yamlFiles(full, json, out);
    else if ((/\.ya?ml$/i.test(name) || (json && /\.json$/i.test(name))) && stat.size < 512 * 1024) out.push(full);
  }
  return out;
}

/** The text of a regression fixture saved by the fuzzer (JSON, so any string survives exactly). */
export function fixtureText(json: string): string {
  const parsed = JSON.parse(json) as { text?: unknown };
  return typeof parsed.text === 'string' ? parsed.text : '';
}

/** Seeds below `root` (the repository): examples/, test/robustness/fixtures/, ../shared/corpus/. */
export function loadSeeds(root: string): { seeds: Seed[]; sources: Record<string, number> } {
  const sources: Record<string, number> = {};
  const seeds: Seed[] = [];
  for (const dir of ['examples', 'test/robustness/fixtures', '../shared/corpus']) {
    const full = resolve(root, dir);
    if (!existsSync(full)) {
      sources[dir] = 0;
      continue;
    }
    // Fixtures found by the fuzzer are JSON (their text may not survive a round trip through a .yaml file).
    const files = yamlFiles(full, dir === 'test/robustness/fixtures');
    sources[dir] = files.length;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      seeds.push({ name: relative(root, f), text: f.endsWith('.json') ? fixtureText(text) : text });
    }
  }
  return { seeds, sources };
}
