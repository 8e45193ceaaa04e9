'use client';

import type { TRole } from '@/components/project/roles';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { RoleSelect } from './role-select';
import { useRemoveMember, useSetMemberRole, type TMember } from './use-members';

/** One member: admins change the role or remove them (the server refuses to take the last admin away). */
export function MemberRow({ projectId, member, canManage }: { projectId: string; member: TMember; canManage: boolean }) {
  const setRole = useSetMemberRole();
  const remove = useRemoveMember();
  const error = setRole.error ?? remove.error;
  return (
    <li className="space-y-1 px-3 py-2" data-testid={`member-${member.email}`}>
      <div className="flex items-center gap-3 text-sm">
        <span className="min-w-0 flex-1 truncate">
          {member.email} <span className="text-slate-500">{member.name}</span>
          {member.disabled ? <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">disabled</span> : null}
        </span>
        {canManage ? (
          <>
            <div className="w-32">
              <RoleSelect
                aria-label={`Role of ${member.email}`}
                value={member.role}
                disabled={setRole.isPending}
                onChange={(e) => setRole.mutate({ projectId, userId: member.userId, role: e.target.value as TRole })}
              />
            </div>
            <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ projectId, userId: member.userId })}>
              Remove
            </Button>
          </>
        ) : (
          <span className="text-slate-600">{member.role}</span>
        )}
      </div>
      <ErrorText error={error} />
    </li>
  );
}
