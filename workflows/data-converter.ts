import { gunzipSync, gzipSync } from 'node:zlib';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
// a CommonJS package: its namespace comes through the default export under Node's ESM loader
import protos from '@temporalio/proto';

const { Payload: PayloadProto } = protos.temporal.api.common.v1;

const ENCODING = 'binary/weft-gzip';
/** Payloads above this are compressed; smaller ones stay plain JSON, readable in the Temporal UI. */
export const COMPRESS_ABOVE_BYTES = 64 * 1024;

/**
 * Gzips large payloads (a big plan as a run's input, a continue-as-new state): Temporal refuses a
 * payload over 2 MB, and a 5,000-node plan is about 2.6 MB of JSON but ~100 KB compressed. The
 * whole original payload (metadata included) is compressed, so decoding restores it exactly;
 * payloads without our encoding pass through untouched (histories from before, small payloads).
 */
export class LargePayloadCodec implements PayloadCodec {
  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (!payload.data || payload.data.length <= COMPRESS_ABOVE_BYTES) return payload;
      return { metadata: { encoding: new TextEncoder().encode(ENCODING) }, data: gzipSync(PayloadProto.encode(payload).finish()) };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || new TextDecoder().decode(encoding) !== ENCODING || !payload.data) return payload;
      return PayloadProto.decode(gunzipSync(payload.data)) as Payload;
    });
  }
}

/** The one data converter of every Weft client and worker (they must agree). */
export const weftDataConverter: DataConverter = { payloadCodecs: [new LargePayloadCodec()] };
