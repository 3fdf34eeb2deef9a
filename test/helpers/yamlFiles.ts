// The YAML files below a folder (none when it is missing, as ../shared may be), sorted, for tests that read
// the examples and the peers' fixtures.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}
