import { evaluateExpression, parseExpression, type TExpressionError } from './index';

/** Test helper: parse and evaluate, returning the value or the error of whichever step failed. */
export function run(source: string, context: Record<string, unknown> = {}): { value: unknown } | { error: TExpressionError } {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { error: parsed.error };
  const result = evaluateExpression(parsed.ast, context);
  return result.ok ? { value: result.value } : { error: result.error };
}

/** The value, failing the test with the error's message when there is none. */
export function valueOf(source: string, context: Record<string, unknown> = {}): unknown {
  const result = run(source, context);
  if ('error' in result) throw new Error(`${source}: ${result.error.message}`);
  return result.value;
}

/** The error message (which ends with ` at <position>`), failing the test when there is none. */
export function errorOf(source: string, context: Record<string, unknown> = {}): string {
  const result = run(source, context);
  if (!('error' in result)) throw new Error(`${source}: expected an error, got ${JSON.stringify(result.value)}`);
  if (!result.error.message.endsWith(` at ${result.error.position}`)) throw new Error(`${result.error.message}: does not end with its position`);
  return result.error.message;
}
