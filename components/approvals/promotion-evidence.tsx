import type { TApiOutputs } from '@/components/providers/api-types';

type TPromotionEvidence = NonNullable<TApiOutputs['approvals']['list'][number]['evidence']>;

/** A promotion's evidence: each metric of the candidate beside the current alias holder's. */
export function PromotionEvidence({ evidence }: { evidence: TPromotionEvidence }) {
  const { candidate, current } = evidence;
  const keys = [...new Set([...Object.keys(candidate.metrics), ...Object.keys(current?.metrics ?? {})])].sort();
  if (!keys.length) return <p className="text-sm text-slate-500">No metrics logged by the source runs</p>;
  return (
    <table className="text-sm" data-testid="promotion-evidence">
      <thead className="text-left text-slate-500">
        <tr>
          <th className="pr-4 font-normal">metric</th>
          <th className="pr-4 font-normal">v{candidate.version} (candidate)</th>
          <th className="font-normal">{current ? `v${current.version} (current)` : 'no current holder'}</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {keys.map((key) => (
          <tr key={key}>
            <td className="pr-4">{key}</td>
            <td className="pr-4">{candidate.metrics[key] ?? '—'}</td>
            <td>{current?.metrics[key] ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
