// The inputs the fuzzer mutates: the repository's examples/, the hand-written robustness fixtures and the
// shared conformance corpus (../shared/corpus, read at run time and skipped cleanly when absent).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface Seed {
  name: string;
  text: string;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const stat = statSync(full);
    // Inputs the fuzzer saved (fixtures/found/) are not seeds: saving one must not change what a seed generates.
    if (stat.isDirectory()) {
      if (name !== 'found') yamlFiles(full, out);
    } else if (/\.ya?ml$/i.test(name) && stat.size < 512 * 1024) out.push(full);
  }
  return out;
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
    const files = yamlFiles(full);
    sources[dir] = files.length;
    for (const f of files) seeds.push({ name: relative(root, f), text: readFileSync(f, 'utf8') });
  }
  return { seeds, sources };
}
