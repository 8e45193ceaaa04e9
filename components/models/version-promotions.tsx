import type { TApiOutputs } from '@/components/providers/api-types';
import { Time } from '@/components/ui/time';

type TPromotion = TApiOutputs['models']['version']['promotions'][number];

const STATUS_STYLE: Record<TPromotion['status'], string> = { approved: 'text-emerald-700', rejected: 'text-red-700', pending: 'text-violet-700', expired: 'text-slate-500', cancelled: 'text-slate-500' };

/** Who asked for this version's promotions, who decided them and when (from the approval rows). */
export function VersionPromotions({ promotions }: { promotions: TPromotion[] }) {
  return (
    <section className="space-y-1.5 rounded-lg border border-slate-200 bg-white p-4" data-testid="version-promotions">
      <h2 className="text-sm font-semibold text-slate-700">Promotions</h2>
      {promotions.length === 0 ? <p className="text-sm text-slate-500">Never asked for a protected alias.</p> : null}
      <ul className="space-y-1 text-sm">
        {promotions.map((p) => (
          <li key={p.id}>
            <span className="font-mono">@{p.alias}</span> <span className={`font-medium ${STATUS_STYLE[p.status]}`}>{p.status}</span>
            {p.decidedBy ? ` by ${p.decidedBy}` : null}
            {p.decidedAt ? (
              <>
                {' '}
                · <Time value={p.decidedAt} />
              </>
            ) : null}
            <span className="text-slate-500"> (asked by {p.requestedBy ?? 'a pipeline run'})</span>
            {p.comment ? <span className="block text-slate-600">“{p.comment}”</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
