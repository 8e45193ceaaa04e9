'use client';

import Link from 'next/link';
import type { TPipelineNode } from '@/workflows/dsl';
import { useProject } from '@/components/project/project-context';
import { useSecrets } from '@/components/secrets/use-secrets';

type TProps = { node: TPipelineNode; onChange: (patch: Partial<TPipelineNode>) => void; readOnly: boolean };

/**
 * Which of the project's secrets the step gets as environment variables, by name. A name the
 * project no longer has stays listed (flagged) until it is unticked: saving then names it.
 */
export function SecretFields({ node, onChange, readOnly }: TProps) {
  const { project } = useProject();
  const secrets = useSecrets(project.id);
  const chosen = node.secrets ?? [];
  const known = secrets.data?.map((s) => s.name) ?? [];
  const names = [...new Set([...known, ...chosen])].sort();
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((n) => n !== name);
    onChange({ secrets: next.length ? next : undefined });
  };
  return (
    <fieldset className="space-y-2" data-testid="node-secrets">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Secrets</legend>
      {names.length === 0 && !secrets.isPending ? (
        <p className="text-xs text-slate-500">
          The project has no secrets yet (<Link href="/settings/secrets" className="text-indigo-700 hover:underline">Secrets</Link>).
        </p>
      ) : null}
      {names.map((name) => (
        <label key={name} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={chosen.includes(name)} disabled={readOnly} onChange={(e) => toggle(name, e.target.checked)} />
          <span className="font-mono">{name}</span>
          {secrets.data && !known.includes(name) ? <span className="text-xs text-red-700">not in the project</span> : null}
        </label>
      ))}
      <span className="block text-xs text-slate-500">The step gets each as an environment variable of that name; its log shows them as ***.</span>
    </fieldset>
  );
}
