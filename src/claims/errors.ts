/**
 * A mistake by the user (bad argument, missing file, malformed fixture): reported as one clear
 * line that names the problem and the fix, with exit code 2 and no stack trace.
 */
export class UserError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    // One line, whatever the message quotes (a file's bytes, a parser's multi-line text).
    super(oneLine(message));
    this.hint = hint === undefined ? undefined : oneLine(hint);
    this.name = 'UserError';
  }

  render(): string {
    return this.hint ? `claimcheck: ${this.message} (${this.hint})` : `claimcheck: ${this.message}`;
  }
}

function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
