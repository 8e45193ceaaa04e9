/**
 * The condition expression language: a small, safe, deterministic language over the outputs and
 * metrics of upstream steps and the run's parameters, e.g.
 * `steps.evaluate.metrics.accuracy >= params.min_accuracy and steps.validate.status == "succeeded"`.
 * No I/O, no globals, no prototype access: it runs the same in the browser, the server and the sandbox.
 */
export type { TExpr, TLiteralValue, TBinaryOperator } from './ast';
export type { TExpressionError } from './error';
export { parseExpression, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_DEPTH, type TParseResult } from './parse';
export { evaluateExpression, type TEvaluateResult } from './evaluate';
export { expressionReferences } from './references';
export { isTruthy, type TValue as TExpressionValue } from './values';
export { EXPRESSION_FUNCTION_NAMES } from './functions';
