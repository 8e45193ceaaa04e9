import { isForbiddenName, type TBinaryOperator, type TExpr } from './ast';
import { ExpressionFailure, fail, quote, type TExpressionError } from './error';
import { functionNamed } from './functions';
import { aType, contains, deepEqual, isTruthy, ownProperty, toValue, typeName, type TValue } from './values';

export type TEvaluateResult = { ok: true; value: unknown } | { ok: false; error: TExpressionError };

/** Parsed ASTs nest at most ~1,000 deep (2,000 characters); this only stops hand-built ones. */
const MAX_EVALUATION_DEPTH = 1_100;

/**
 * Evaluates a parsed expression against `context` (e.g. `{ steps, params }`). Reads only own
 * enumerable data properties of plain objects and lists; a missing property, or any property of
 * null, is null. Type errors (arithmetic on a string, `1 < "a"`) are errors with a position.
 * Pure and deterministic: safe in the workflow sandbox.
 */
export function evaluateExpression(ast: TExpr, context: Record<string, unknown>): TEvaluateResult {
  try {
    return { ok: true, value: evaluate(ast, context, 0) };
  } catch (error) {
    if (error instanceof ExpressionFailure) return { ok: false, error: error.error };
    throw error;
  }
}

function evaluate(node: TExpr, context: Record<string, unknown>, depth: number): TValue {
  if (depth > MAX_EVALUATION_DEPTH) fail('Expression nests too deeply to evaluate', node.position);
  const sub = (child: TExpr) => evaluate(child, context, depth + 1);
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'list':
      return node.items.map(sub);
    case 'identifier':
      if (isForbiddenName(node.name)) fail(`${quote(node.name)} is not allowed`, node.position);
      return toValue(ownProperty(context, node.name), quote(node.name), node.position);
    case 'member':
      return member(sub(node.object), node.property, node.position);
    case 'index':
      return index(sub(node.object), sub(node.index), node.position);
    case 'unary': {
      const operand = sub(node.operand);
      if (node.operator === 'not') return !isTruthy(operand);
      if (typeof operand !== 'number') fail(`Cannot negate ${aType(operand)}`, node.position);
      return -operand + 0;
    }
    case 'logical': {
      const left = isTruthy(sub(node.left));
      if (node.operator === 'and' ? !left : left) return left;
      return isTruthy(sub(node.right));
    }
    case 'binary':
      return binary(node.operator, sub(node.left), sub(node.right), node.position);
    case 'call': {
      const fn = functionNamed(node.name);
      if (!fn) fail(`Unknown function ${quote(node.name)}`, node.position);
      return fn.apply(node.args.map(sub), node.position);
    }
    default:
      return fail('Unknown expression node', (node as { position?: number }).position ?? 0);
  }
}

function member(object: TValue, property: string, position: number): TValue {
  if (isForbiddenName(property)) fail(`${quote(property)} is not allowed`, position);
  if (object === null) return null;
  if (typeof object !== 'object' || Array.isArray(object)) fail(`Cannot read property ${quote(property)} of ${aType(object)}`, position);
  return toValue(ownProperty(object, property), quote(property), position);
}

function index(object: TValue, key: TValue, position: number): TValue {
  if (object === null) return null;
  if (Array.isArray(object)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) fail(`A list index must be a whole number, not ${describe(key)}`, position);
    const at = key < 0 ? object.length + key : key; // negative counts from the end, as in Python
    return at >= 0 && at < object.length ? toValue(object[at], `Item ${key}`, position) : null;
  }
  if (typeof object === 'object') {
    if (typeof key !== 'string') fail(`An object key must be a string, not ${typeName(key)}`, position);
    if (isForbiddenName(key)) fail(`${quote(key)} is not allowed`, position);
    return toValue(ownProperty(object, key), quote(key), position);
  }
  return fail(`Cannot index into ${aType(object)}`, position);
}

const describe = (value: TValue) => (typeof value === 'number' ? String(value) : aType(value));

function binary(operator: TBinaryOperator, left: TValue, right: TValue, position: number): TValue {
  switch (operator) {
    case '==':
      return deepEqual(left, right, position);
    case '!=':
      return !deepEqual(left, right, position);
    case 'in':
      return contains(right, left, position);
    case 'not in':
      return !contains(right, left, position);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(operator, left, right, position);
    default:
      return arithmetic(operator, left, right, position);
  }
}

function compare(operator: '<' | '<=' | '>' | '>=', left: TValue, right: TValue, position: number): boolean {
  const type = typeName(left);
  if ((type !== 'number' && type !== 'string') || typeName(right) !== type) {
    fail(`Cannot compare ${typeName(left)} with ${typeName(right)}`, position);
  }
  const [a, b] = [left as number | string, right as number | string];
  return operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
}

function arithmetic(operator: '+' | '-' | '*' | '/' | '%', left: TValue, right: TValue, position: number): TValue {
  if (operator === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  if (typeof left !== 'number' || typeof right !== 'number') {
    const hint = operator === '+' && (typeof left === 'string' || typeof right === 'string') ? ' (only two strings can be joined)' : '';
    fail(`Cannot apply '${operator}' to ${typeName(left)} and ${typeName(right)}${hint}`, position);
  }
  if ((operator === '/' || operator === '%') && right === 0) fail('Division by zero', position);
  const result =
    operator === '+' ? left + right : operator === '-' ? left - right : operator === '*' ? left * right : operator === '/' ? left / right : left % right;
  if (!Number.isFinite(result)) fail(`The result of '${operator}' is not a finite number`, position);
  return result + 0;
}
