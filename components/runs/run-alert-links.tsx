import Link from 'next/link';
import type { TApiOutputs } from '@/components/providers/api-types';

type TRunData = TApiOutputs['runs']['get'];

const alertHref = (a: { id: string; modelName: string }) => `/models/${encodeURIComponent(a.modelName)}/monitoring#alert-${a.id}`;

/** "started by alert …" on a retraining run, "fired alert …" on a drift-check run: each links to the alert on its model's Monitoring page. */
export function RunAlertLinks({ startedByAlert, firedAlerts }: Pick<TRunData, 'startedByAlert' | 'firedAlerts'>) {
  return (
    <>
      {startedByAlert ? (
        <span className="text-sm text-slate-600" data-testid="started-by-alert">
          started by alert{' '}
          <Link href={alertHref(startedByAlert)} className="text-indigo-700 hover:underline">
            {startedByAlert.message}
          </Link>
        </span>
      ) : null}
      {firedAlerts.map((a) => (
        <span key={a.id} className="text-sm text-slate-600" data-testid="fired-alert">
          fired alert{' '}
          <Link href={alertHref(a)} className="text-indigo-700 hover:underline">
            {a.modelName}: {a.message}
          </Link>
        </span>
      ))}
    </>
  );
}
