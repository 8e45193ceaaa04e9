/** Where a tracking run opens: its Weft run's page (a pipeline run or a step of one), else its own tracking run page. */
export function runHref(run: { runUuid: string; experimentId: number; weftRunId: string | null }, tab: 'metrics' | 'artifacts' = 'metrics'): string {
  return run.weftRunId ? `/runs/${run.weftRunId}?tab=${tab}` : `/experiments/${run.experimentId}/runs/${run.runUuid}?tab=${tab}`;
}
