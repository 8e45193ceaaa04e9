import Link from 'next/link';
import type { TApiOutputs } from '@/components/providers/api-types';

type TEvidence = TApiOutputs['approvals']['list'][number]['gateEvidence'];

const fmt = (n: number) => (Math.abs(n) >= 1000 || Number.isInteger(n) ? String(n) : n.toPrecision(3));
const VERDICT_STYLE: Record<string, string> = {
  better: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  'non-inferior': 'bg-sky-50 text-sky-800 ring-sky-300',
  worse: 'bg-red-50 text-red-800 ring-red-300',
  inconclusive: 'bg-amber-50 text-amber-800 ring-amber-300',
  'no champion yet': 'bg-slate-100 text-slate-700 ring-slate-300',
};

/** What the steps before a gate found: metrics with intervals, the comparison with production, data validation, reports. */
export function GateEvidence({ runId, evidence }: { runId: string; evidence: TEvidence }) {
  if (!evidence.length) return null;
  return (
    <div className="space-y-2" data-testid="gate-evidence">
      {evidence.map((step) => (
        <section key={step.nodeId} className="rounded-md border border-slate-200 p-2 text-sm" data-evidence-node={step.nodeId}>
          <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{step.label}</h3>
          {step.verdict ? (
            <p className="mb-1" data-testid="evidence-verdict">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${VERDICT_STYLE[step.verdict.verdict] ?? VERDICT_STYLE.inconclusive}`}>{step.verdict.verdict}</span>
              {step.verdict.difference !== undefined ? (
                <span className="ml-2 font-mono text-xs text-slate-600">
                  difference {fmt(step.verdict.difference)}
                  {step.verdict.ciLow !== undefined && step.verdict.ciHigh !== undefined ? ` [${fmt(step.verdict.ciLow)}, ${fmt(step.verdict.ciHigh)}]` : ''}
                  {step.verdict.championVersion ? ` vs champion v${step.verdict.championVersion}` : ''}
                </span>
              ) : null}
            </p>
          ) : null}
          {step.validation ? (
            <p className={`mb-1 text-xs ${step.validation.valid ? 'text-emerald-700' : 'text-red-700'}`} data-testid="evidence-validation">
              data {step.validation.valid ? 'valid' : 'invalid'}: {step.validation.failed} checks failed, {step.validation.warned} warned
            </p>
          ) : null}
          {step.metrics.length ? (
            <table className="font-mono text-xs">
              <tbody>
                {step.metrics.map((m) => (
                  <tr key={m.key}>
                    <td className="pr-3 text-slate-500">{m.key}</td>
                    <td className="pr-3">{fmt(m.value)}</td>
                    <td className="text-slate-500">{m.ciLow !== undefined && m.ciHigh !== undefined ? `[${fmt(m.ciLow)}, ${fmt(m.ciHigh)}]` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {step.reports.length ? (
            <p className="mt-1 text-xs">
              <Link href={`/runs/${runId}?tab=artifacts`} className="text-indigo-700 hover:underline">
                Reports
              </Link>
              <span className="text-slate-500">: {step.reports.join(', ')}</span>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
