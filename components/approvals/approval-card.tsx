'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useProject } from '@/components/project/project-context';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, TextArea } from '@/components/ui/field';
import { Time } from '@/components/ui/time';
import { GateEvidence } from './gate-evidence';
import { PromotionEvidence } from './promotion-evidence';

type TApproval = TApiOutputs['approvals']['list'][number];

const OUTCOME_STYLE = { approved: 'text-emerald-700', rejected: 'text-red-700', expired: 'text-slate-500', cancelled: 'text-slate-500', pending: 'text-violet-700' } as const;

export function ApprovalCard({ projectId, approval }: { projectId: string; approval: TApproval }) {
  return (
    <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`approval-${approval.id}`} data-run-id={approval.runId}>
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        {approval.kind === 'model_promotion' ? (
          <>
            <h2 className="font-medium" data-testid={`promotion-${approval.id}`}>
              Promote {approval.modelName} <span className="text-slate-500">v{approval.modelVersion}</span> to <span className="font-mono">{approval.alias}</span>
            </h2>
            <Link href={`/models/${encodeURIComponent(approval.modelName ?? '')}/versions/${approval.modelVersion}`} className="text-sm text-indigo-700 hover:underline">
              Model card
            </Link>
            {/* (asked for by a pipeline's "Promote model" step) */}
            {approval.runId ? (
              <Link href={`/runs/${approval.runId}`} className="text-sm text-indigo-700 hover:underline">
                View run
              </Link>
            ) : null}
          </>
        ) : (
          <>
            <h2 className="font-medium">
              {approval.pipelineName} <span className="text-slate-500">v{approval.versionNumber}</span>
            </h2>
            <Link href={`/runs/${approval.runId}`} className="text-sm text-indigo-700 hover:underline">
              View run
            </Link>
            <span className="font-mono text-xs text-slate-500">{approval.nodeId}</span>
          </>
        )}
        <span className="ml-auto text-xs text-slate-500">
          <Time value={approval.createdAt} />
        </span>
      </header>
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600" data-testid={`requester-${approval.id}`}>
        <span>
          Requested by {approval.requestedByName ?? 'nobody known'}
          {approval.requestedByEmail ? <span className="text-slate-400"> ({approval.requestedByEmail})</span> : null}
        </span>
        {approval.trigger === 'schedule' ? (
          <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-800">started by schedule{approval.scheduleName ? ` “${approval.scheduleName}”` : ''}</span>
        ) : null}
      </p>
      {approval.evidence ? <PromotionEvidence evidence={approval.evidence} /> : null}
      {approval.runId && approval.kind === 'run_gate' ? <GateEvidence runId={approval.runId} evidence={approval.gateEvidence} /> : null}
      {approval.instructions ? <p className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{approval.instructions}</p> : null}
      {approval.status === 'pending' ? (
        <DecisionForm projectId={projectId} approval={approval} />
      ) : (
        <p className="text-sm">
          <span className={`font-medium ${OUTCOME_STYLE[approval.status]}`}>{approval.status}</span>
          {approval.status === 'cancelled' ? <span className="text-slate-500"> (its run ended while it waited)</span> : null}
          {approval.decidedByName ? ` by ${approval.decidedByName}` : null}
          {approval.decidedAt ? (
            <>
              {' '}
              · <Time value={approval.decidedAt} />
            </>
          ) : null}
          {approval.comment ? <span className="mt-1 block text-slate-600">“{approval.comment}”</span> : null}
        </p>
      )}
    </article>
  );
}

function DecisionForm({ projectId, approval }: { projectId: string; approval: TApproval }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation(
    trpc.approvals.decide.mutationOptions({
      onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.approvals.decidableCount.queryKey() })]),
    }),
  );
  const { user, canApprove } = useProject();
  const disabled = !approval.canDecide || decide.isPending;
  // canDecide is false for three reasons (see listApprovals): four eyes, a role below approver, or a run that ended.
  const whyNot = approval.requestedByEmail === user.email ? `You requested this ${approval.kind === 'model_promotion' ? 'promotion' : 'run'}: another approver decides` : !canApprove ? 'Needs the approver role' : 'You cannot decide this one';
  const send = (decision: 'approved' | 'rejected') => decide.mutate({ projectId, approvalId: approval.id, decision, comment: comment.trim() });

  return (
    <div className="space-y-2">
      <Field label="Comment">
        <TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} disabled={!approval.canDecide} maxLength={2000} data-testid={`comment-${approval.id}`} />
      </Field>
      <div className="flex items-center gap-2">
        <Button variant="primary" disabled={disabled} onClick={() => send('approved')} data-testid={`approve-${approval.id}`}>
          Approve
        </Button>
        <Button variant="danger" disabled={disabled} onClick={() => send('rejected')} data-testid={`reject-${approval.id}`}>
          Reject
        </Button>
        {!approval.canDecide ? <span className="text-xs text-slate-500">{whyNot}</span> : null}
      </div>
      <ErrorText error={decide.error} />
    </div>
  );
}

