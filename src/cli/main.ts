// The bundled CLI's entry: bin/orgc has answered `--version` already (without loading this), so
// here every command goes through the program.
import { run } from './program.js';

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
