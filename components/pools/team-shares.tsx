'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Input } from '@/components/ui/field';
import { DEFAULT_WEIGHT, formatQuota, parseShare } from './share-input';
import { Table, TD } from './table';
import type { TPool } from './use-pools-overview';
import { useSetTeamShare, type TTeam } from './use-teams';

export type TSharePool = Pick<TPool, 'id' | 'name' | 'kind'>;
type TShare = TTeam['shares'][number];

const HEADERS = ['Pool', 'Weight', 'GPU quota', ''];

/** A team's weight and GPU quota on every pool, one row each; `empty` stands in while there are no pools. */
export function TeamShares({ team, pools, empty }: { team: TTeam; pools: TSharePool[]; empty: string | null }) {
  return (
    <Table headers={HEADERS} empty={empty} testId={`team-shares-${team.name}`}>
      {pools.map((pool) => {
        const saved = team.shares.find((s) => s.poolId === pool.id);
        // keyed by the saved values, so that after a save the row starts again from what the server holds
        return <ShareRow key={`${pool.id}:${saved?.weight}:${saved?.gpuQuota}`} team={team} pool={pool} saved={saved} />;
      })}
    </Table>
  );
}

function ShareRow({ team, pool, saved }: { team: TTeam; pool: TSharePool; saved: TShare | undefined }) {
  const setShare = useSetTeamShare();
  const [weight, setWeight] = useState(String(saved?.weight ?? DEFAULT_WEIGHT));
  const [quota, setQuota] = useState(formatQuota(saved?.gpuQuota ?? null));
  const [inputError, setInputError] = useState<string | null>(null);
  const isCpu = pool.kind === 'cpu';

  function save() {
    const share = parseShare(weight, quota, pool.kind);
    setInputError(share.ok ? null : share.error);
    if (share.ok) setShare.mutate({ teamId: team.id, poolId: pool.id, weight: share.weight, gpuQuota: share.gpuQuota });
  }

  const error = inputError ?? setShare.error;
  return (
    <>
      <tr>
        <td className={TD}>
          {pool.name} <span className="text-xs uppercase text-slate-500">{pool.kind}</span>
          {/* no share row yet: the team dispatches at the default weight, uncapped */}
          {saved ? null : <span className="text-xs text-slate-500"> · default</span>}
        </td>
        <td className={TD}>
          <Input type="number" min={0} max={1_000} step="any" value={weight} onChange={(e) => setWeight(e.target.value)} aria-label={`Weight of ${team.name} on ${pool.name}`} className="w-24" />
        </td>
        <td className={TD}>
          <Input
            type="number"
            min={0}
            step={1}
            value={isCpu ? '' : quota}
            disabled={isCpu}
            placeholder={isCpu ? 'no GPUs' : 'no cap'}
            onChange={(e) => setQuota(e.target.value)}
            aria-label={`GPU quota of ${team.name} on ${pool.name}`}
            className="w-24"
          />
        </td>
        <td className={`${TD} text-right`}>
          <Button onClick={save} disabled={setShare.isPending} data-testid={`share-save-${team.name}-${pool.name}`}>
            Save
          </Button>
        </td>
      </tr>
      {error ? (
        <tr>
          <td colSpan={HEADERS.length} className={TD}>
            <ErrorText error={error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
