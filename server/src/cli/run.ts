// Entry of the CLI bundle (dist/cli-main.js), started by the launcher (launcher.ts, dist/cli.js).
import { main } from './main';

// `kubeready lint . | head` closes the pipe early: stop quietly, as other command-line tools do, instead of
// dying with an unhandled EPIPE stack trace.
// Any other write error (a full disk behind `> report.json`) must not pass for a clean run: say so on stderr
// (unless stderr is what failed) and exit 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`kubeready: cannot write the output: ${error.message}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left.
      }
    }
    process.exit(2);
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
