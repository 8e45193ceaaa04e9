import { isExecuting, type TRunStatus, type TStepStatus } from '@/workflows/dsl';

type TStatus = TRunStatus | TStepStatus;

const STYLE: Record<TStatus, string> = {
  queued: 'bg-slate-100 text-slate-700 ring-slate-300',
  pending: 'bg-slate-100 text-slate-600 ring-slate-300',
  running: 'bg-blue-50 text-blue-700 ring-blue-300',
  retrying: 'bg-amber-50 text-amber-800 ring-amber-300',
  waiting_approval: 'bg-violet-50 text-violet-800 ring-violet-300',
  succeeded: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  failed: 'bg-red-50 text-red-800 ring-red-300',
  skipped: 'bg-slate-50 text-slate-500 ring-slate-200',
  // dark, unlike pending's light grey: a cancelled step will not run, a pending one may
  cancelled: 'bg-zinc-700 text-white ring-zinc-700',
};

const isKnown = (status: string): status is TStatus => Object.hasOwn(STYLE, status);

export const statusText = (status: string) => status.replace('_', ' ').replace('waiting approval', 'waiting for approval');

/** A run or step status; an unknown one (a newer server) shows in neutral colours rather than failing. */
export function StatusBadge({ status, className = '' }: { status: TStatus | (string & {}); className?: string }) {
  const live = isExecuting(status);
  const style = isKnown(status) ? STYLE[status] : STYLE.pending;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style} ${className}`}>
      {live ? <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {statusText(status)}
    </span>
  );
}
