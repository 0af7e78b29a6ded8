/** A mistake on the command line: printed as a plain message (no stack trace) with a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
