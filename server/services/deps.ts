import type { Client } from '@temporalio/client';
import type { TDatabase } from '../db/client';

/** What services that touch Temporal need; tests pass their own database and client. */
export type TServiceDeps = { db: TDatabase; temporal: Client };

/** Who is acting: services record it in the audit trail and check it against the rules. */
export type TActor = { userId: string };
