// A failure the user fixes on their side (where the repository lives, a setting): the commands
// print its message alone, because a stack trace would bury the instructions and point at code
// that is not at fault.
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

/** What a command prints for the error that ended it: a SetupError's message, else the stack. */
export function failureText(err: unknown): string {
  if (err instanceof SetupError) return err.message;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
