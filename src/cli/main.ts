// Entry point of the `orgc` binary. `--version` answers before anything else loads; every other
// command goes through the program, whose commands load their own code when they run.
import { VERSION } from '../version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('./program.js');
  process.exitCode = await run(argv);
}
