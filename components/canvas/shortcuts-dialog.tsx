'use client';

import { Dialog } from '@/components/ui/dialog';
import { keyLabel, SHORTCUTS } from './shortcuts';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The table of the editor's shortcuts (`?`), read from the same list the keys are handled from. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const mac = isMac();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} closeOnBackdrop>
      <table className="w-full text-sm" data-testid="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action} className="border-t border-slate-100">
              <td className="py-1.5 pr-3 text-slate-700">{s.description}</td>
              <td className="py-1.5 text-right">
                {s.keys.map((k) => (
                  <kbd key={keyLabel(k, mac)} className="ml-1 rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">
                    {keyLabel(k, mac)}
                  </kbd>
                ))}
              </td>
            </tr>
          ))}
          <tr className="border-t border-slate-100">
            <td className="py-1.5 pr-3 text-slate-700">Select several nodes</td>
            <td className="py-1.5 text-right text-xs text-slate-500">Shift+click, or Shift+drag a box</td>
          </tr>
        </tbody>
      </table>
      <div className="mt-3 text-right">
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
          Close
        </button>
      </div>
    </Dialog>
  );
}
