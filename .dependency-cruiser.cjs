/**
 * Layer rules, checked by `npm test` (scripts/test.ts runs `depcruise` as one test). Layers point
 * one way: app → components → server → workflows/contract → workflows/dsl, and the workflow code
 * (workflows/definitions) sees only the contract and the DSL. Type-only imports count too: a type
 * that crosses a layer the wrong way is a design that does.
 */
const UI = '^(app|components|hooks)/';
const NOT_TEST = '\\.test\\.ts$';

/** A layer (a folder) that may import, of our code, only the `allowed` folders (itself among them). */
const seesOnly = (name, comment, layer, allowed) => ({
  name,
  severity: 'error',
  comment,
  from: { path: `^${layer}/` },
  to: { path: '^(app|components|hooks|server|drizzle|scripts|bench|workflows)/', pathNot: allowed.map((folder) => `^${folder}/`) },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import circles anywhere.', from: {}, to: { circular: true } },
    seesOnly('dsl-is-pure', 'workflows/dsl is shared by browser, server and the workflow sandbox: it imports nothing of ours but itself.', 'workflows/dsl', ['workflows/dsl']),
    seesOnly('contract-sees-only-dsl', 'workflows/contract (what web, control worker and workflows share) imports only the DSL.', 'workflows/contract', ['workflows/dsl', 'workflows/contract']),
    seesOnly('definitions-see-contract-and-dsl', 'Workflow code runs in the sandbox: it knows activities only by their contract.', 'workflows/definitions', ['workflows/dsl', 'workflows/contract', 'workflows/definitions']),
    {
      name: 'workflows-do-not-reach-server',
      severity: 'error',
      comment: 'Pool workers hold no database credentials: workflow and step code never imports the server. The worker entry (a composition root) starts the control worker, which lives in server/control.',
      from: { path: '^workflows/', pathNot: ['^workflows/worker\\.ts$', NOT_TEST] },
      to: { path: `^server/|${UI}` },
    },
    {
      name: 'server-does-not-reach-workflow-code',
      severity: 'error',
      comment: 'The server talks to workflows through the contract, never their code.',
      from: { path: '^server/' },
      to: { path: '^workflows/definitions/' },
    },
    {
      name: 'server-is-not-ui',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: UI },
    },
    seesOnly('schema-sees-only-dsl', 'The drizzle schema takes its enums and types from the DSL and nothing else of ours.', 'drizzle', ['drizzle', 'workflows/dsl']),
    {
      name: 'ui-uses-the-api',
      severity: 'error',
      comment: 'Components and hooks reach the server through tRPC (its router types), not its services or database.',
      from: { path: UI, pathNot: '^app/api/' },
      to: { path: '^server/(services|db|control|temporal)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.next-e2e|\\.weft)' },
  },
};
