import { TRPCError } from '@trpc/server';

/**
 * The request with a body that fails (PAYLOAD_TOO_LARGE, a 413 for each call) past `maxBytes`: a
 * declared Content-Length fails before anything is read, a chunked body as soon as it passes the
 * limit, so nothing larger is ever buffered.
 */
export function limitBody(req: Request, maxBytes: number): Request {
  if (!req.body) return req;
  const tooLarge = () => new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${maxBytes} bytes (WEFT_MAX_BODY_BYTES)` });
  const declared = Number(req.headers.get('content-length') ?? 0);
  let seen = 0;
  const body = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        if (declared > maxBytes) controller.error(tooLarge());
      },
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  // `duplex` is required by Node's fetch for a streamed body and missing from the DOM RequestInit type.
  const init: RequestInit & { duplex: 'half' } = { method: req.method, headers: req.headers, body, signal: req.signal, duplex: 'half' };
  return new Request(req.url, init);
}
