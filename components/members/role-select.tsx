import type { SelectHTMLAttributes } from 'react';
import { ROLES_BY_RANK } from '@/components/project/roles';
import { Select } from '@/components/ui/field';

/** The four roles, in rank order (each can do what the ones before it can). */
export function RoleSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Select {...props}>
      {ROLES_BY_RANK.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </Select>
  );
}
