// Errors that end a command with exit code 2 and one line on stderr: bad usage, unreadable input,
// bad configuration. Anything else is an internal error (also 2, with the stack under --debug).
import type { MessageData } from '../finding.js';
import { say, type CliMessageId, type SaidError } from '../i18n/cli.js';

export class UsageError extends Error implements Partial<SaidError> {
  override readonly name = 'UsageError';
  messageId?: CliMessageId;
  messageData?: MessageData;

  /**
   * A usage error from code that does not know the run's language: the catalogue line, said in the
   * reader's language where the program catches it (`message` is the English line).
   */
  static said(messageId: CliMessageId, messageData: MessageData = {}): UsageError {
    const error = new UsageError(say(messageId, 'en', messageData));
    error.messageId = messageId;
    error.messageData = messageData;
    return error;
  }
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
