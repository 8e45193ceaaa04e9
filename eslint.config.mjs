// Lint guards the boundaries that review would miss: workflow code runs in Temporal's
// deterministic sandbox and the DSL is shared with the browser, so neither may import Node
// built-ins, the server, the database, React or the non-workflow Temporal packages.
import tseslint from 'typescript-eslint';

const sandboxForbidden = {
  patterns: [
    { group: ['node:*'], message: 'No Node built-ins in sandboxed or shared code.' },
    { group: ['**/server/**', '**/drizzle/**', 'drizzle-orm', 'drizzle-orm/*', 'pg'], message: 'Workflow and DSL code never touch the database.' },
    { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'next', 'next/*'], message: 'No UI code here.' },
    { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Only @temporalio/workflow belongs in workflow code.' },
    { group: ['../activities/*', '../activities/**'], allowTypeImports: true, message: 'Import activities as types only.' },
  ],
  paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'process', 'util', 'stream', 'events'].map((name) => ({
    name,
    message: 'No Node built-ins in sandboxed or shared code.',
  })),
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.next-*/**', '.weft/**', 'drizzle/migrations/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['workflows/dsl/**/*.ts', 'workflows/definitions/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', sandboxForbidden] },
  },
  {
    files: ['workflows/definitions/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...sandboxForbidden,
          patterns: [
            ...sandboxForbidden.patterns,
            {
              regex: '^(\.\./)+dsl(/index)?$',
              allowTypeImports: true,
              // measured: building the zod schemas cost ~25 ms of every run's first workflow task
              message: 'Import DSL values from their own module (../dsl/run-state, ../dsl/expression, ../dsl/task-queues): the sandbox evaluates imports per workflow, and the barrel builds every zod schema.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/dsl/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { ...sandboxForbidden, patterns: [...sandboxForbidden.patterns, { group: ['@temporalio/*'], message: 'The DSL is framework-free.' }] },
      ],
    },
  },
);
