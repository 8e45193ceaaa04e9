import { createContext } from '@/server/trpc/context';
import { createTrpcHttpHandler } from '@/server/trpc/http-handler';

const handler = createTrpcHttpHandler((req) => createContext({ headers: req.headers }));

export { handler as GET, handler as POST };
