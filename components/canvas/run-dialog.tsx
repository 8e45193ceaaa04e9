'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, TextArea } from '@/components/ui/field';
import { Dialog } from '@/components/ui/dialog';
import { rememberedValues } from '@/components/parameters/remembered-values';
import { RunParameterFields } from '@/components/parameters/run-parameter-fields';
import { initialRawValues, parseRawValues } from '@/components/parameters/run-values';
import { SaveOutcome } from '@/components/versions/save-outcome';
import type { TRunAsk, TRunRequest } from './use-run-request';

type TProps = { pipelineId: string; run: TRunRequest; ask: TRunAsk; baseVersion: number; onReview: (number: number) => void };

/**
 * Asks what a run needs before it starts: a version message when the draft is saved first, and
 * the parameters (last values remembered per pipeline in this browser). Mounted per request, so
 * it opens afresh.
 */
export function RunDialog({ pipelineId, run, ask, baseVersion, onReview }: TProps) {
  const [message, setMessage] = useState('');
  const [raw, setRaw] = useState(() => initialRawValues(ask.parameters, rememberedValues(pipelineId)));
  const [shown, setShown] = useState<Record<string, string>>({});
  const hasParameters = Object.keys(ask.parameters).length > 0;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { values, problems } = parseRawValues(ask.parameters, raw);
    setShown(problems);
    if (Object.keys(problems).length === 0) run.confirm(message, values);
  }

  return (
    <Dialog title={ask.save ? 'Save the draft and run it' : 'Run'} onClose={run.close}>
      <form onSubmit={onSubmit} className="space-y-3" data-testid="run-dialog" noValidate>
        {ask.save ? (
          <Field label="Version message" hint="Every run runs a saved version: the draft is saved as a new version first. Left empty, the message says what changed.">
            <TextArea rows={2} value={message} onChange={(e) => setMessage(e.target.value)} autoFocus maxLength={500} placeholder={ask.save.suggested} />
          </Field>
        ) : null}
        {hasParameters ? <RunParameterFields definitions={ask.parameters} values={raw} problems={shown} onChange={(name, value) => setRaw((r) => ({ ...r, [name]: value }))} /> : null}
        <SaveOutcome
          saver={run.saver}
          baseVersion={baseVersion}
          onSaveOnTop={(number) => run.saveOnTop(number, message)}
          onReview={(number) => {
            run.close();
            onReview(number);
          }}
        />
        {run.saver.error ? null : <ErrorText error={run.error} />}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={run.close}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={run.isPending} data-testid="run-dialog-confirm">
            {run.isPending ? 'Starting…' : ask.save ? 'Save and run' : 'Run'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
