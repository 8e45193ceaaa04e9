import { z } from 'zod';
import { ROLES } from '../../../drizzle/schema';

export const ZRoleSchema = z.enum(ROLES, `one of ${ROLES.join(', ')}`);
export const ZMemberRefSchema = z.object({ userId: z.string().trim().min(1, 'required').max(100, 'longer than 100 characters') });
