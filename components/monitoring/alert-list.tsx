import Link from 'next/link';
import type { TApiOutputs } from '@/components/providers/api-types';
import { Time } from '@/components/ui/time';

/** The alerts a model's rules fired, each linked to the check run that fired it and the retraining run it started. */
export function AlertList({ alerts }: { alerts: TApiOutputs['models']['monitoring']['alerts'] }) {
  if (alerts.length === 0) return <p className="text-sm text-slate-500">No alert has fired.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="alert-list">
      {alerts.map((a) => (
        <li key={a.id} className="space-y-1 p-3" data-testid="alert" id={`alert-${a.id}`}>
          <p>
            <span className="font-medium">{a.message}</span> · <Time value={a.firedAt} />
          </p>
          <p className="flex flex-wrap gap-3 text-xs text-slate-600">
            <Link href={`/runs/${a.checkRunId}`} className="text-indigo-700 underline">
              check run
            </Link>
            {a.retrainRunId ? (
              <Link href={`/runs/${a.retrainRunId}`} className="text-indigo-700 underline" data-testid="alert-retrain-run">
                retraining run
              </Link>
            ) : null}
            {a.retrainError ? <span className="text-red-700">retraining not started: {a.retrainError}</span> : null}
            {a.notifiedAt ? <span>notified</span> : null}
            {a.notifyError ? <span className="text-red-700">not notified: {a.notifyError}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
