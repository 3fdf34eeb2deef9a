// The Mocha runner that VS Code loads inside the extension host (`extensionTestsPath`). Both runners use it:
// @vscode/test-electron (npm run test:e2e) and code-server's test payload (npm run test:e2e:ci).
//
// KUBEREADY_E2E_GREP   run only the tests whose title matches this regular expression
// KUBEREADY_E2E_RESULTS write {passed, failed, pending, failures} as JSON to this file when done
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Results {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; error: string }>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000, slow: 10_000 });
  if (process.env.KUBEREADY_E2E_GREP) mocha.grep(new RegExp(process.env.KUBEREADY_E2E_GREP));
  // Scenario files are numbered: they run in the issue's order, each from a reset workspace.
  const files = fs.readdirSync(__dirname).filter(name => name.endsWith('.e2e.js')).sort();
  if (!files.length) return Promise.reject(new Error(`no *.e2e.js test files next to ${__filename}`));
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const results: Results = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const line = `kubeready e2e (extension host): ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`;
      console.log(line);
      if (process.env.KUBEREADY_E2E_RESULTS) fs.writeFileSync(process.env.KUBEREADY_E2E_RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      if (failures > 0 || results.passed === 0) reject(new Error(`${failures} end-to-end test(s) failed, ${results.passed} passed`));
      else resolve();
    });
    runner.on('pass', () => { results.passed++; });
    runner.on('pending', () => { results.pending++; });
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: error?.stack ?? String(error) });
    });
  });
}
