// A worker thread of the language server (dist/indexWorker.js): reads workspace files and summarizes them
// (model/summary.ts), so that indexing a large workspace runs on the other cores and the main thread stays free
// for the open files. Only plain data crosses the thread boundary: a parsed tree cannot.
import { parentPort } from 'node:worker_threads';
import { summarize } from '../model/summary';
import { readTextFileCapped } from './files';
import type { IndexBatch, IndexBatchResult } from './indexer';

parentPort?.on('message', (batch: IndexBatch) => {
  const result: IndexBatchResult = {
    id: batch.id,
    files: batch.paths.map(path => {
      const text = readTextFileCapped(path, batch.maxBytes);
      return text === undefined ? { path } : { path, text, summary: summarize(text) ?? null };
    }),
  };
  parentPort!.postMessage(result);
});
