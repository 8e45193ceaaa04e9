// The workflow bundle's entry: every workflow type a control worker serves.
export { pipelineRun } from './pipeline-run';
export { foreachChunk } from './foreach-chunk';
export { stepTest } from './step-test';
export { alertDispatch } from './alert-dispatch';
