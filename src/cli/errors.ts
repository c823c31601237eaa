// Errors that end a command with exit code 2 and one line on stderr: bad usage, unreadable input,
// bad configuration. Anything else is an internal error (also 2, with the stack under --debug).
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
