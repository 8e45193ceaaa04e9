import { eq } from 'drizzle-orm';
import { trackingArtifacts } from '../../../../drizzle/schema';
import type { TArtifactOwner } from './artifact-owner';

/** The WHERE condition for an owner's artifacts (the partial unique index of its kind serves it). */
export const ownerIs = (owner: TArtifactOwner) =>
  owner.runUuid === null ? eq(trackingArtifacts.modelId, owner.modelId) : eq(trackingArtifacts.runUuid, owner.runUuid);
