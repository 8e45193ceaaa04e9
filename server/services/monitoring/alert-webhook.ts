import { and, eq } from 'drizzle-orm';
import { projectSecrets } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { secretsKeyring } from '../secrets/master-key';
import { openSecret } from '../secrets/sealed-secret';

const TIMEOUT_MS = 10_000;

/**
 * POSTs `{"text": ...}` (the Notify step's body: Slack's incoming webhook, which other chat tools
 * take too) to the URL held in a project secret. Errors name the secret and the status, never the
 * URL (it is the secret).
 */
export async function postAlertWebhook(db: TDbOrTx, params: { projectId: string; secret: string; text: string }): Promise<void> {
  const [row] = await db
    .select()
    .from(projectSecrets)
    .where(and(eq(projectSecrets.projectId, params.projectId), eq(projectSecrets.name, params.secret)));
  if (!row) throw new Error(`the project has no secret ${params.secret}`);
  const url = openSecret(secretsKeyring(), row);
  if (!/^https?:\/\//.test(url)) throw new Error(`secret ${params.secret} is not an http(s) URL`);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: params.text }), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // fetch's message may quote the URL: say only what kind of failure it was
    throw new Error(`webhook of ${params.secret} unreachable (${error instanceof Error ? error.name : 'error'})`);
  }
  if (!response.ok) throw new Error(`webhook of ${params.secret} answered ${response.status}`);
}
