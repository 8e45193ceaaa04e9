'use client';

import type { DragEvent } from 'react';
import { NODE_CATALOG, NODE_KINDS, type TNodeKind } from '@/workflows/dsl';

/** The dataTransfer type a palette drag carries; the canvas accepts only this. */
export const NODE_KIND_MIME = 'application/x-weft-node-kind';

function onDragStart(event: DragEvent<HTMLElement>, kind: TNodeKind) {
  event.dataTransfer.setData(NODE_KIND_MIME, kind);
  event.dataTransfer.effectAllowed = 'move';
}

/** Node kinds from the catalog, dragged onto the canvas (or added with Enter). */
export function Palette({ onAdd }: { onAdd: (kind: TNodeKind) => void }) {
  return (
    <aside className="w-52 shrink-0 space-y-2 overflow-y-auto border-r border-slate-200 bg-white p-3">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Steps</h2>
      <p className="text-xs text-slate-400">Drag onto the canvas, or focus one and press Enter.</p>
      {NODE_KINDS.map((kind) => {
        const def = NODE_CATALOG[kind];
        return (
          <div
            key={kind}
            role="button"
            tabIndex={0}
            draggable
            data-testid={`palette-${kind}`}
            onDragStart={(e) => onDragStart(e, kind)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault(); // (Space would scroll the palette)
              onAdd(kind);
            }}
            title={def.description}
            className="cursor-grab rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm hover:border-indigo-300 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing"
          >
            <div className="font-medium text-slate-800">{def.title}</div>
            <div className="line-clamp-2 text-xs text-slate-500">{def.description}</div>
          </div>
        );
      })}
    </aside>
  );
}
