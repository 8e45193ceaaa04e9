'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { NODE_CATALOG, type TNodeKind } from '@/workflows/dsl';
import { Dialog } from '@/components/ui/dialog';
import { searchNodeKinds } from './node-kind-search';

type TProps = { onAdd: (kind: TNodeKind) => void; onClose: () => void };

/** A searchable list of node kinds (double-click on the canvas or `/`): arrows pick, Enter adds. */
export function QuickAddDialog({ onAdd, onClose }: TProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const kinds = searchNodeKinds(query);
  const current = kinds[Math.min(active, kinds.length - 1)];

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (Math.min(i, kinds.length - 1) + step + kinds.length) % Math.max(kinds.length, 1));
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onAdd(current);
    }
  }

  return (
    <Dialog title="Add a step" onClose={onClose} closeOnBackdrop>
      <input
        autoFocus
        role="combobox"
        aria-label="Search steps"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Python, shell, approval…"
        className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      />
      <ul id={listId} role="listbox" aria-label="Steps" className="max-h-72 overflow-y-auto">
        {kinds.length === 0 ? <li className="px-2 py-1.5 text-sm text-slate-500">No step matches.</li> : null}
        {kinds.map((kind) => (
          <li
            key={kind}
            id={`${listId}-${kind}`}
            role="option"
            aria-selected={kind === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onAdd(kind)}
            className={`cursor-pointer rounded-md px-2 py-1.5 ${kind === current ? 'bg-indigo-50 ring-1 ring-indigo-200' : 'hover:bg-slate-50'}`}
          >
            <div className="text-sm font-medium text-slate-800">{NODE_CATALOG[kind].title}</div>
            <div className="line-clamp-1 text-xs text-slate-500">{NODE_CATALOG[kind].description}</div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
