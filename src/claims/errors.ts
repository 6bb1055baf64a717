/**
 * A mistake by the user (bad argument, missing file, malformed fixture): reported as one clear
 * line that names the problem and the fix, with exit code 2 and no stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }

  render(): string {
    return this.hint ? `claimcheck: ${this.message} (${this.hint})` : `claimcheck: ${this.message}`;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
