import { parameterDefinition, renameNodeReferences, type TParameterDefinition, type TParameterType, type TPipelineSpec } from '@/workflows/dsl';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Adds a string parameter under a free name (`param_1`, `param_2`, …); returns the name too. */
export function addParameter(spec: TPipelineSpec): { spec: TPipelineSpec; name: string } {
  let n = 1;
  while (Object.hasOwn(spec.parameters, `param_${n}`)) n += 1;
  const name = `param_${n}`;
  return { spec: { ...spec, parameters: { ...spec.parameters, [name]: { type: 'string', default: '', description: '' } } }, name };
}

export const setParameter = (spec: TPipelineSpec, name: string, definition: TParameterDefinition): TPipelineSpec => ({
  ...spec,
  parameters: { ...spec.parameters, [name]: definition },
});

export function removeParameter(spec: TPipelineSpec, name: string): TPipelineSpec {
  const { [name]: _removed, ...parameters } = spec.parameters;
  return { ...spec, parameters };
}

/** Renames in place (the parameters keep their order), and the expressions that read `params.<from>` with it. */
export function renameParameter(spec: TPipelineSpec, from: string, to: string): TPipelineSpec {
  if (from === to) return spec;
  const renames = new Map([[from, to]]);
  return {
    ...spec,
    nodes: spec.nodes.map((n) => renameNodeReferences(n, renames, 'params')),
    parameters: Object.fromEntries(Object.entries(spec.parameters).map(([name, p]) => [name === from ? to : name, p])),
  };
}

/** Why `to` cannot be the new name of parameter `from`, or null. */
export function parameterNameProblem(spec: TPipelineSpec, from: string, to: string): string | null {
  if (!NAME.test(to)) return 'Letters, digits and "_", not starting with a digit';
  if (to.length > 64) return 'At most 64 characters';
  if (to !== from && Object.hasOwn(spec.parameters, to)) return `There is already a parameter "${to}"`;
  return null;
}

/** The parameter with another type, its default carried over where it fits. */
export function retypeParameter(definition: TParameterDefinition, type: TParameterType): TParameterDefinition {
  const { description } = definition;
  const text = String(definition.default);
  switch (type) {
    case 'string':
      return { type, default: text, description };
    case 'number':
      return { type, default: Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : 0, description };
    case 'boolean':
      return { type, default: text === 'true', description };
    case 'choice':
      return { type, default: text || 'a', choices: [text || 'a'], description };
  }
}

/** Every parameter of the spec as a definition (bare defaults of older specs included), in order. */
export const parameterList = (spec: TPipelineSpec) => Object.entries(spec.parameters).map(([name, p]) => ({ name, definition: parameterDefinition(p) }));
