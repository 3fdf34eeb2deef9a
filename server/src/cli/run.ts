// Entry of the CLI bundle (dist/cli-main.js), started by the launcher (launcher.ts, dist/cli.js).
import { main } from './main';

// `kubeready lint . | head` closes the pipe early: stop quietly, as other command-line tools do, instead of
// dying with an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.exitCode = 2;
  });
}

main(process.argv.slice(2)).then(
  code => {
    if (code >= 0) process.exitCode = code;
  },
  error => {
    process.stderr.write(`kubeready: internal error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
