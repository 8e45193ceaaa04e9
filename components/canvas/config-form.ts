import { configForm, nodeKindDefinition, type TConfigField } from '@/workflows/dsl';

/** The config form of a node kind, field by field, from its config schema; undefined for an unknown kind. */
export function configFieldsOf(kind: string): TConfigField[] | undefined {
  const definition = nodeKindDefinition(kind);
  return definition && configForm(definition.configSchema);
}

/** A hint's text and `code` spans, in order (a field's hint marks code with backticks). */
export function hintParts(hint: string): { text: string; code: boolean }[] {
  return hint
    .split('`')
    .map((text, i) => ({ text, code: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}
