import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { weftDataConverter } from '../../workflows/data-converter';

type TTemporalConnectionOptions = {
  address: string;
  apiKey?: string;
  tls?: boolean | { clientCertPair: { crt: Buffer; key: Buffer } };
};

/**
 * Connection settings for the dev server or a real cluster: mTLS when TEMPORAL_TLS_CERT_PATH and
 * TEMPORAL_TLS_KEY_PATH are set, an API key (Temporal Cloud) when TEMPORAL_API_KEY is.
 */
export function temporalConnectionOptions(): TTemporalConnectionOptions {
  const certPath = process.env.TEMPORAL_TLS_CERT_PATH;
  const keyPath = process.env.TEMPORAL_TLS_KEY_PATH;
  const apiKey = process.env.TEMPORAL_API_KEY;
  return {
    address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    ...(certPath && keyPath ? { tls: { clientCertPair: { crt: readFileSync(certPath), key: readFileSync(keyPath) } } } : {}),
    ...(apiKey ? { apiKey, tls: true } : {}),
  };
}

export const temporalNamespace = () => process.env.TEMPORAL_NAMESPACE ?? 'default';

const cache = globalThis as unknown as { weftTemporal?: Client };

/** One lazily connected client per process. */
export function getTemporalClient(): Client {
  cache.weftTemporal ??= new Client({ connection: Connection.lazy(temporalConnectionOptions()), namespace: temporalNamespace(), dataConverter: weftDataConverter });
  return cache.weftTemporal;
}
