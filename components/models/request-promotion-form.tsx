'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input, Select } from '@/components/ui/field';
import { useModelChanges } from '@/hooks/use-model-changes';

const SUGGESTED = ['champion', 'challenger'];

/**
 * Asks for an alias for a version through the registry's rule: a protected alias opens a promotion
 * in the Approvals inbox (another approver decides), another moves at once. Says which happened.
 */
export function RequestPromotionForm({ projectId, name, versions, protectedAliases }: { projectId: string; name: string; versions: number[]; protectedAliases: string[] }) {
  const { requestPromotion } = useModelChanges();
  const [version, setVersion] = useState(versions[0] ?? 1);
  const [alias, setAlias] = useState('champion');
  const outcome = requestPromotion.data;
  const send = () => requestPromotion.mutate({ projectId, name, version, alias: alias.trim() });

  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="request-promotion">
      <h2 className="text-sm font-semibold text-slate-700">Request promotion</h2>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Version">
          <Select value={version} onChange={(e) => setVersion(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Alias" hint={protectedAliases.includes(alias.trim()) ? 'Protected: an approver decides' : 'Moves at once'}>
          <Input list="alias-suggestions" value={alias} onChange={(e) => setAlias(e.target.value)} maxLength={250} />
        </Field>
        <datalist id="alias-suggestions">
          {[...new Set([...protectedAliases, ...SUGGESTED])].map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Button variant="primary" onClick={send} disabled={requestPromotion.isPending || !alias.trim() || !versions.length}>
          Request promotion
        </Button>
      </div>
      {outcome?.status === 'pending' ? (
        <p className="text-sm text-violet-700" role="status">
          Promotion of v{outcome.version} to “{outcome.alias}” awaits approval in <a href="/approvals" className="underline">Approvals</a>.
        </p>
      ) : null}
      {outcome?.status === 'set' ? (
        <p className="text-sm text-emerald-700" role="status">
          The alias moved.
        </p>
      ) : null}
      <ErrorText error={requestPromotion.error} />
    </section>
  );
}
