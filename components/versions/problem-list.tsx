import type { TSpecProblem } from '@/workflows/dsl';

/** The problems of a refused save, grouped by the node or edge they are on. */
export function ProblemList({ problems }: { problems: readonly TSpecProblem[] }) {
  const byWhere = new Map<string, string[]>();
  for (const p of problems) {
    const where = p.nodeId ? `Node ${p.nodeId}` : p.edgeId ? `Edge ${p.edgeId}` : 'Pipeline';
    byWhere.set(where, [...(byWhere.get(where) ?? []), p.message]);
  }
  return (
    <div role="alert" className="max-h-48 space-y-2 overflow-y-auto rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800" data-testid="save-version-problems">
      <p className="font-medium">The version was not saved:</p>
      {[...byWhere].map(([where, messages]) => (
        <div key={where}>
          <div className="font-semibold">{where}</div>
          <ul className="list-disc pl-4">
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
