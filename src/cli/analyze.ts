// What the commands without an org (`rules`, `explain`, `import`) need of the configuration.
import { ConfigError, findConfig, loadConfig } from '../config/load.js';
import type { Io } from './output.js';

/**
 * The `lang` of the configuration a command without an org would use (`rules`, `explain`): the
 * one in the working directory. A config that cannot be read is reported by the commands that
 * need it; here it only has no language.
 */
export async function configLanguage(io: Io): Promise<string | undefined> {
  try {
    const file = await findConfig(undefined, [], io.cwd);
    return file ? (await loadConfig(file, io.cwd)).lang : undefined;
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}
