'use client';

import type { TVersionConflict } from '@/components/providers/trpc-errors';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { SpecDiffList } from './spec-diff-list';

type TProps = {
  conflict: TVersionConflict;
  /** the version this editor started from (0: none) */
  baseVersion: number;
  /** shows their version against this draft on the canvas */
  onReview?: () => void;
  /** saves this draft as the version after theirs, deliberately */
  onSaveOnTop: () => void;
  saving: boolean;
};

/** A refused save: who saved which version since this editor's base, what differs, and what can be done. */
export function VersionConflict({ conflict, baseVersion, onReview, onSaveOnTop, saving }: TProps) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="version-conflict">
      <p className="font-medium">
        {conflict.createdByName} saved version {conflict.number} <RelativeTime value={new Date(conflict.createdAt)} />, after you started from{' '}
        {baseVersion ? `version ${baseVersion}` : 'an unsaved pipeline'}. Your version was not saved.
      </p>
      <p className="text-xs">How your draft differs from version {conflict.number}:</p>
      <div className="max-h-48 overflow-y-auto rounded border border-amber-200 bg-white p-2">
        <SpecDiffList diff={conflict.diff} />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {onReview ? (
          <Button variant="ghost" onClick={onReview} data-testid="conflict-review">
            Review on the canvas
          </Button>
        ) : null}
        <Button variant="danger" onClick={onSaveOnTop} disabled={saving} data-testid="conflict-save-on-top">
          Save mine as version {conflict.number + 1}
        </Button>
      </div>
    </div>
  );
}
