import { createCallerFactory, router } from './init';
import { alertRulesRouter } from './routers/alert-rules';
import { accountRouter } from './routers/account';
import { apiTokensRouter } from './routers/api-tokens';
import { experimentsRouter } from './routers/experiments';
import { approvalsRouter } from './routers/approvals';
import { invitationsRouter } from './routers/invitations';
import { membersRouter } from './routers/members';
import { meRouter } from './routers/me';
import { modelsRouter } from './routers/models';
import { pipelinesRouter } from './routers/pipelines';
import { poolsRouter } from './routers/pools';
import { projectsRouter } from './routers/projects';
import { runsRouter } from './routers/runs';
import { schedulesRouter } from './routers/schedules';
import { secretsRouter } from './routers/secrets';
import { stepTestsRouter } from './routers/step-tests';
import { teamsRouter } from './routers/teams';
import { usersRouter } from './routers/users';

export const appRouter = router({
  me: meRouter,
  pipelines: pipelinesRouter,
  runs: runsRouter,
  approvals: approvalsRouter,
  schedules: schedulesRouter,
  alertRules: alertRulesRouter,
  pools: poolsRouter,
  teams: teamsRouter,
  projects: projectsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  users: usersRouter,
  account: accountRouter,
  secrets: secretsRouter,
  stepTests: stepTestsRouter,
  apiTokens: apiTokensRouter,
  models: modelsRouter,
  experiments: experimentsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
