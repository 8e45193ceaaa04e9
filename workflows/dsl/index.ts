export * from './spec';
export * from './catalog';
export * from './problems';
export * from './validate';
export * from './plan';
export * from './compile';
export * from './canonical-json';
export * from './run-state';
export { topologicalOrder, nodesOnCycles } from './graph';
