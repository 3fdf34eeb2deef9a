// Types of bench/generate.mjs, for TypeScript code that imports it (tests, the harness).
export declare class Random {
  constructor(seed: string | number);
  next(): number;
  chance(p: number): boolean;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T;
  hex(n: number): string;
}
/** One multi-document file of `docs` documents. */
export declare function generateFile(docs: number, seed?: number): string;
/** A repository of `files` files with `docsPerFile` documents each (paths relative, `/`-separated). */
export declare function generateTree(files: number, docsPerFile: number, seed?: number): Array<{ path: string; text: string }>;
/** Writes a generated tree under `outDir`; returns the bytes written. */
export declare function writeTree(outDir: string, tree: Array<{ path: string; text: string }>): number;
