// Reading the workspace from disk: YAML files only, no symlinks followed, a size cap, and yielding to the
// event loop so open documents are validated while a large workspace is indexed.
import { promises as fs, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function readTextFile(path: string): string | undefined {
  try {
    // lstat: a symbolic link (which may lead out of the workspace) is not followed.
    if (!lstatSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function readTextFileAsync(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    const stat = await fs.lstat(path);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The same as `readTextFileAsync`, synchronously. Indexing reads thousands of small files: a synchronous read
 * takes a fraction of the promise round trips an asynchronous one needs, and the caller yields between files.
 */
export function readTextFileCapped(path: string, maxBytes: number): string | undefined {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** All *.yaml / *.yml files below `root`, without following symbolic links. */
export async function findYamlFiles(root: string, isCancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const stack = [root];
  while (stack.length && !isCancelled()) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  }
  return out.sort();
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
