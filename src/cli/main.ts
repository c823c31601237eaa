// The bundled CLI's entry: bin/orgc has answered `--version` already (without loading this), so
// here every command goes through the program.
import { run } from './program.js';

// A reader that stops early (`orgc rules | head`) closes the pipe: stop quietly, as other command
// line tools do, instead of dying with a stack trace on the unhandled write error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
