'use client';

import type { TFieldChange, TSpecDiff } from '@/workflows/dsl/spec-diff';

const MAX_VALUE = 80;

/** A field's value in one line: long code and JSON cut short (the whole is on hover). */
function shown(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function FieldChanges({ changes }: { changes: readonly TFieldChange[] }) {
  return (
    <ul className="space-y-1 pl-3">
      {changes.map((c) => (
        <li key={c.path} className="text-xs" data-testid="diff-field">
          <span className="font-mono font-medium text-slate-700">{c.path}</span>{' '}
          <span className="font-mono text-red-700 line-through" title={JSON.stringify(c.before)}>
            {shown(c.before)}
          </span>{' '}
          → <span className="font-mono text-emerald-700" title={JSON.stringify(c.after)}>{shown(c.after)}</span>
        </li>
      ))}
    </ul>
  );
}

function IdList({ title, ids, tone }: { title: string; ids: readonly string[]; tone: string }) {
  if (ids.length === 0) return null;
  return (
    <div>
      <div className="text-xs font-semibold text-slate-600">{title}</div>
      <ul className="pl-3">
        {ids.map((id) => (
          <li key={id} className={`font-mono text-xs ${tone}`}>
            {id}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What changed between two specs, field by field (from workflows/dsl/spec-diff). */
export function SpecDiffList({ diff }: { diff: TSpecDiff }) {
  if (diff.identical) return <p className="text-xs text-slate-500">No change but node positions.</p>;
  return (
    <div className="space-y-2" data-testid="spec-diff-list">
      <IdList title="Nodes added" ids={diff.nodes.added} tone="text-emerald-700" />
      <IdList title="Nodes removed" ids={diff.nodes.removed} tone="text-red-700" />
      {diff.nodes.changed.map((node) => (
        <div key={node.id} data-testid="diff-changed-node">
          <div className="text-xs font-semibold text-slate-600">
            Node <span className="font-mono text-amber-700">{node.id}</span> changed
          </div>
          <FieldChanges changes={node.fields} />
        </div>
      ))}
      <IdList title="Edges added" ids={diff.edges.added} tone="text-emerald-700" />
      <IdList title="Edges removed" ids={diff.edges.removed} tone="text-red-700" />
      {diff.parameters.length ? (
        <div>
          <div className="text-xs font-semibold text-slate-600">Parameters</div>
          <FieldChanges changes={diff.parameters} />
        </div>
      ) : null}
      {diff.settings.length ? (
        <div>
          <div className="text-xs font-semibold text-slate-600">Settings</div>
          <FieldChanges changes={diff.settings} />
        </div>
      ) : null}
    </div>
  );
}
