// Entry of the CLI bundle (dist/cli-main.js), started by the launcher (launcher.ts, dist/cli.js).
import { main } from './main';

main(process.argv.slice(2)).then(
  code => {
    if (code >= 0) process.exitCode = code;
  },
  error => {
    process.stderr.write(`kubeready: internal error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
