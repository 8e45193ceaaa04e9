'use client';

import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { ErrorText } from './error-text';

type TProps = {
  title: string;
  /** what confirming does, and what it keeps */
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
};

/** "Are you sure?" in the app's dialog: Cancel (Escape) or a red button that says what it does. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, pending = false, error }: TProps) {
  return (
    <Dialog title={title} onClose={onClose} closeOnBackdrop>
      {children ? <div className="text-sm text-slate-600">{children}</div> : null}
      <ErrorText error={error} />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
