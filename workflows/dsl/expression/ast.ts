/** The expression AST. Plain JSON data: it can be logged, compared and sent across the wire as is. */
export type TLiteralValue = null | boolean | number | string;

export type TBinaryOperator = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not in';
export type TComparisonOperator = Extract<TBinaryOperator, '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not in'>;

/** `position` is the offset of the node's own token: the operator, the property name, the `[`, the function name. */
export type TExpr =
  | { type: 'literal'; value: TLiteralValue; position: number }
  | { type: 'list'; items: TExpr[]; position: number }
  | { type: 'identifier'; name: string; position: number }
  | { type: 'member'; object: TExpr; property: string; position: number }
  | { type: 'index'; object: TExpr; index: TExpr; position: number }
  | { type: 'unary'; operator: 'not' | '-'; operand: TExpr; position: number }
  | { type: 'binary'; operator: TBinaryOperator; left: TExpr; right: TExpr; position: number }
  | { type: 'logical'; operator: 'and' | 'or'; left: TExpr; right: TExpr; position: number }
  | { type: 'call'; name: string; args: TExpr[]; position: number };

/** Names that would lead from data to the prototype chain: refused wherever a property is named. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const isForbiddenName = (name: string) => FORBIDDEN_NAMES.has(name);
