'use client';

import { useEffect, useRef, type ReactNode } from 'react';

type TProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** a dialog with nothing typed into it (a question, a list) may close on a click beside it; a form must not lose its input that way */
  closeOnBackdrop?: boolean;
};

/**
 * The app's one modal dialog (never the browser's confirm()): the native <dialog> opened with
 * showModal(), which traps focus, makes the page behind it inert and closes on Escape. Rendered
 * only while open (`{open ? <Dialog …/> : null}`); a click on the backdrop closes it where asked, and
 * focus goes back to what had it before. Centred with `m-auto`: Tailwind's reset zeroes every
 * margin, the browser's own centring of a modal dialog included.
 */
export function Dialog({ title, onClose, children, className = '', closeOnBackdrop = false }: TProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // the element is gone from the page before this effect's cleanup runs, so the browser's own
    // return of focus on close() has nowhere to happen: done here
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Escape fires 'cancel' then closes the element itself: tell the owner so its state follows.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClick={closeOnBackdrop ? (e) => e.target === ref.current && onClose() : undefined}
      className={`m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30 ${className}`}
    >
      <div className="space-y-3 p-4">
        <h2 className="text-sm font-semibold">{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
