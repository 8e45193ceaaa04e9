import type { TAliasOutcome } from '../../services/registry/set-alias';

/**
 * A protected alias asked for through the MLflow API: the alias did not move, so the answer must
 * not read as success. HTTP 202 with MLflow's error shape: the client raises a RestException
 * (error_code PERMISSION_DENIED, this message; its `.json` holds `pending_approval`), which a
 * script sees instead of a silent success; plain HTTP callers read the approval's id.
 */
export const pendingPromotion = (name: string, outcome: Extract<TAliasOutcome, { status: 'pending' }>) =>
  Response.json(
    {
      error_code: 'PERMISSION_DENIED',
      message: `Alias "${outcome.alias}" of ${name} is protected: promoting version ${outcome.version} awaits approval ${outcome.approvalId} in the Weft approvals inbox (/approvals); the alias has not moved`,
      pending_approval: { id: outcome.approvalId, name, alias: outcome.alias, version: String(outcome.version) },
    },
    { status: 202, headers: { 'cache-control': 'no-store' } },
  );
