import { and, eq } from 'drizzle-orm';
import { projectSecrets } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { secretsKeyring } from '../secrets/master-key';
import { openSecret } from '../secrets/sealed-secret';
import { postWebhook, WebhookRefusedError } from '../webhooks/post-webhook';

const TIMEOUT_MS = 10_000;

/** The webhook URL a project secret holds, or null when the project has no such secret. */
export async function alertWebhookUrl(db: TDbOrTx, params: { projectId: string; secret: string }): Promise<string | null> {
  const [row] = await db
    .select()
    .from(projectSecrets)
    .where(and(eq(projectSecrets.projectId, params.projectId), eq(projectSecrets.name, params.secret)));
  return row ? openSecret(secretsKeyring(), row) : null;
}

/**
 * POSTs `{"text": ...}` (the Notify step's body: Slack's incoming webhook, which other chat tools
 * take too) to the URL held in a project secret, under the webhook address policy. Errors name the
 * secret and the status, never the URL (it is the secret); a refused address (or a secret gone)
 * is a WebhookRefusedError, which retrying cannot fix.
 */
export async function postAlertWebhook(db: TDbOrTx, params: { projectId: string; secret: string; text: string }): Promise<void> {
  const url = await alertWebhookUrl(db, params);
  if (url === null) throw new WebhookRefusedError(`the project has no secret ${params.secret}`);
  let status: number;
  try {
    status = await postWebhook(url, { text: params.text }, TIMEOUT_MS);
  } catch (error) {
    if (error instanceof WebhookRefusedError) throw new WebhookRefusedError(`webhook of ${params.secret} ${error.message}`);
    throw new Error(`webhook of ${params.secret} unreachable (${error instanceof Error ? error.message : 'error'})`);
  }
  if (status < 200 || status >= 300) throw new Error(`webhook of ${params.secret} answered ${status}`);
}
