import Link from 'next/link';
import type { TApiOutputs } from '@/components/providers/api-types';
import { Time } from '@/components/ui/time';

type TAlert = TApiOutputs['models']['monitoring']['alerts'][number];

const attempts = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

/** A part's failure as the page says it: still being retried while the dispatch is pending, given up once it failed. */
function PartFailure({ what, error, tries, dispatch }: { what: string; error: string; tries: number; dispatch: TAlert['dispatch'] }) {
  const text = dispatch === 'pending' ? `${what}: ${attempts(tries)} failed, trying again: ${error}` : `${what} after ${attempts(tries)}: ${error}`;
  return <span className={dispatch === 'pending' ? 'text-amber-700' : 'text-red-700'}>{text}</span>;
}

/**
 * The alerts a model's rules fired, each linked to the check run that fired it and the retraining
 * run it started, with where its dispatch stands (retried by its workflow, or given up, and why).
 */
export function AlertList({ alerts }: { alerts: TAlert[] }) {
  if (alerts.length === 0) return <p className="text-sm text-slate-500">No alert has fired.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="alert-list">
      {alerts.map((a) => (
        <li key={a.id} className="space-y-1 p-3" data-testid="alert" data-dispatch={a.dispatch} id={`alert-${a.id}`}>
          <p>
            <span className="font-medium">{a.message}</span> · <Time value={a.firedAt} />
            {a.dispatch === 'pending' ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">dispatching</span> : null}
            {a.dispatch === 'failed' ? <span className="ml-2 rounded bg-red-100 px-1.5 text-xs text-red-800">dispatch failed</span> : null}
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
            {a.retrainError && !a.retrainRunId ? <PartFailure what="retraining not started" error={a.retrainError} tries={a.retrainAttempts} dispatch={a.dispatch} /> : null}
            {a.notifiedAt ? <span>notified</span> : null}
            {a.notifyError && !a.notifiedAt ? <PartFailure what="not notified" error={a.notifyError} tries={a.notifyAttempts} dispatch={a.dispatch} /> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
