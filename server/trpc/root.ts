import { createCallerFactory, router } from './init';
import { approvalsRouter } from './routers/approvals';
import { meRouter } from './routers/me';
import { pipelinesRouter } from './routers/pipelines';
import { poolsRouter } from './routers/pools';
import { runsRouter } from './routers/runs';
import { schedulesRouter } from './routers/schedules';
import { secretsRouter } from './routers/secrets';
import { teamsRouter } from './routers/teams';

export const appRouter = router({
  me: meRouter,
  pipelines: pipelinesRouter,
  runs: runsRouter,
  approvals: approvalsRouter,
  schedules: schedulesRouter,
  pools: poolsRouter,
  teams: teamsRouter,
  secrets: secretsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
