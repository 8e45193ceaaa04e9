'use client';

import { useProject } from '@/components/project/project-context';
import { Table, TD } from '@/components/pools/table';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { useAdminUsers, useSetUserDisabled } from './use-admin';

/** Every account; disabling one signs it out everywhere at once and refuses its sign-in. */
export function UsersTable() {
  const users = useAdminUsers();
  const setDisabled = useSetUserDisabled();
  const { user: me } = useProject();
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold">Users</h2>
      <ErrorText error={users.error ?? setDisabled.error} />
      <Table headers={['E-mail', 'Name', 'Projects', '']} empty={users.isPending ? 'Loading…' : null} testId="users">
        {users.data?.map((u) => (
          <tr key={u.id} data-testid={`user-${u.email}`} className={u.disabledAt ? 'text-slate-400' : ''}>
            <td className={TD}>
              {u.email}
              {u.platformAdmin ? <span className="ml-2 text-xs text-indigo-700">platform admin</span> : null}
            </td>
            <td className={TD}>{u.name}</td>
            <td className={TD}>{u.projects}</td>
            <td className={`${TD} text-right`}>
              {u.id === me.id ? null : (
                <Button variant={u.disabledAt ? 'secondary' : 'danger'} disabled={setDisabled.isPending} onClick={() => setDisabled.mutate({ userId: u.id, disabled: !u.disabledAt })}>
                  {u.disabledAt ? 'Enable' : 'Disable'}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
