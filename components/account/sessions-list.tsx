'use client';

import { Table, TD } from '@/components/pools/table';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { useSessions, useSignOutOthers } from './use-account';

/** Where one is signed in; all but this browser can be signed out at once. */
export function SessionsList() {
  const sessions = useSessions();
  const signOutOthers = useSignOutOthers();
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;
  return (
    <section className="space-y-2" data-testid="sessions">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Sessions</h2>
        <Button disabled={others === 0 || signOutOthers.isPending} onClick={() => signOutOthers.mutate()}>
          Sign out other sessions
        </Button>
      </div>
      <ErrorText error={sessions.error ?? signOutOthers.error} />
      <Table headers={['Browser', 'Address', 'Signed in', 'Last used']} empty={sessions.isPending ? 'Loading…' : null}>
        {sessions.data?.map((s) => (
          <tr key={s.id}>
            <td className={`${TD} max-w-xs truncate`} title={s.userAgent ?? ''}>
              {s.current ? <span className="mr-2 rounded bg-indigo-50 px-1.5 text-xs text-indigo-700">this browser</span> : null}
              {s.userAgent ?? 'unknown'}
            </td>
            <td className={TD}>{s.ipAddress ?? '—'}</td>
            <td className={TD}>
              <Time value={s.createdAt} />
            </td>
            <td className={TD}>
              <Time value={s.lastUsedAt} />
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
