'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The app's own dialog (never the browser's confirm()): a native <dialog> opened modally, so focus
 * moves into it, Escape closes it and the page behind is inert. Centred with `m-auto`: Tailwind's
 * reset zeroes every margin, the browser's own centring of a modal dialog included.
 */
export function ModalDialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 className="text-base font-semibold">{title}</h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
