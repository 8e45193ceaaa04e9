import { and, eq, like, or } from 'drizzle-orm';
import { trackingArtifacts } from '../../../../drizzle/schema';
import type { TDatabase } from '../../../db/client';
import type { TTrackingCaller } from '../tracking-access';
import { artifactOwner } from './artifact-owner';
import { artifactTarget, checkArtifactPath } from './artifact-path';
import { ownerIs } from './owner-filter';

type TFileInfo = { path: string; is_dir: boolean; file_size?: number };

const likePrefix = (dir: string) => `${dir.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;

/**
 * GET mlflow-artifacts/artifacts?path=<dir>: the files and directories directly in `dir`, by
 * their base names (as MLflow's server answers; the client joins them to the path it asked for).
 * A file's path lists nothing, as in MLflow's own stores.
 */
export async function listArtifacts(db: TDatabase, caller: TTrackingCaller, query: { path?: string | undefined }) {
  const target = artifactTarget(checkArtifactPath(query.path ?? '', 'path'), 'path');
  const owner = await artifactOwner(db, caller, target, 'read');
  const dir = target.file;
  const under = dir ? or(eq(trackingArtifacts.path, dir), like(trackingArtifacts.path, likePrefix(dir))) : undefined;
  const rows = await db.select({ path: trackingArtifacts.path, size: trackingArtifacts.size }).from(trackingArtifacts).where(and(ownerIs(owner), under));
  if (rows.some((r) => r.path === dir)) return { files: [] };
  const entries = new Map<string, TFileInfo>();
  for (const row of rows) {
    const rest = dir ? row.path.slice(dir.length + 1) : row.path;
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash);
    entries.set(name, slash < 0 ? { path: name, is_dir: false, file_size: row.size } : { path: name, is_dir: true });
  }
  return { files: [...entries.values()].sort((a, b) => a.path.localeCompare(b.path)) };
}
