// Preloaded into measured processes (node --require bench/rss-hook.cjs ...): at exit, writes the process's
// peak resident set size in bytes to the file named by KUBEREADY_BENCH_RSS_FILE.
'use strict';
const target = process.env.KUBEREADY_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
    } catch {
      // the measurement is lost, the process is not disturbed
    }
  });
}
