'use client';

import { ErrorText } from '@/components/ui/error-text';
import { ProblemList } from './problem-list';
import type { TSaveVersion } from './use-save-version';
import { VersionConflict } from './version-conflict';

type TProps = { saver: TSaveVersion; baseVersion: number; onSaveOnTop: (number: number) => void; onReview?: (number: number) => void };

/** Why a save was refused: a colleague's version (conflict), the draft's problems, or the server's message ("Nothing changed since version 3"). */
export function SaveOutcome({ saver, baseVersion, onSaveOnTop, onReview }: TProps) {
  const { conflict, problems } = saver;
  if (conflict) {
    return (
      <VersionConflict
        conflict={conflict}
        baseVersion={baseVersion}
        saving={saver.isPending}
        onSaveOnTop={() => onSaveOnTop(conflict.number)}
        {...(onReview ? { onReview: () => onReview(conflict.number) } : {})}
      />
    );
  }
  if (problems.length > 0) return <ProblemList problems={problems} />;
  return <ErrorText error={saver.error} />;
}
