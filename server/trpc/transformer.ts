import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { inputProblem } from './input-checks';

/**
 * How the API encodes what crosses it, shared by the server and the browser client. Answers use
 * superjson (dates, undefined). Inputs are plain JSON checked before any procedure sees them:
 * superjson's reference expansion let a 2.6 KB request store an 11 MB draft (or a cycle), and
 * NUL characters, lone surrogates or 10,000 levels of nesting failed deep in Postgres as a 500.
 */
export const apiTransformer = {
  input: {
    // Dates in inputs travel as ISO strings (the schemas coerce them); nothing else needs superjson.
    serialize: (value: unknown) => value,
    deserialize: (value: unknown) => {
      const problem = inputProblem(value);
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      return value;
    },
  },
  output: superjson,
};
