import { and, eq, inArray } from 'drizzle-orm';
import { projectSecrets } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** Which of `names` the project has no secret for (no query when there are none to look for). */
export async function missingSecrets(db: TDbOrTx, projectId: string, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const found = await db
    .select({ name: projectSecrets.name })
    .from(projectSecrets)
    .where(and(eq(projectSecrets.projectId, projectId), inArray(projectSecrets.name, [...names])));
  const present = new Set(found.map((row) => row.name));
  return names.filter((name) => !present.has(name));
}

/** "Secret "A" does not exist" / "Secrets "A", "B" do not exist". */
export const missingText = (names: readonly string[]) =>
  `${names.length === 1 ? 'Secret' : 'Secrets'} ${names.map((n) => `"${n}"`).join(', ')} ${names.length === 1 ? 'does' : 'do'} not exist in the project`;
