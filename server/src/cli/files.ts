// Which files a CLI invocation reads: files as given, directories recursively (*.yaml, *.yml).
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);

export class UsageError extends Error {}

export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or directory`);
    }
    if (stat.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return [...new Set(out)];
}

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    throw new UsageError(`cannot read directory ${dir}`);
  }
  for (const name of entries) {
    const full = join(dir, name);
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      continue;
    }
    // Symbolic links are not followed: they may lead out of the tree being linted.
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(full, out);
    } else if (/\.ya?ml$/i.test(name)) out.push(full);
  }
}
