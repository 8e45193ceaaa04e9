/** What went wrong and where: `position` is the character (UTF-16) offset in the source, as CodeMirror counts. */
export type TExpressionError = { message: string; position: number };

/**
 * Thrown inside the tokenizer, parser and evaluator and caught at their public entry points, which
 * return it as a value: callers (the canvas, the server, the workflow sandbox) never see a throw.
 */
export class ExpressionFailure extends Error {
  readonly error: TExpressionError;

  constructor(message: string, position: number) {
    super(`${message} at ${position}`);
    this.error = { message: this.message, position };
  }
}

export function fail(message: string, position: number): never {
  throw new ExpressionFailure(message, position);
}

/** A short, quoted excerpt of source text for messages. */
export function quote(text: string): string {
  return `'${text.length > 30 ? `${text.slice(0, 30)}…` : text}'`;
}
