import { createServer, type Server } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations, memberships } from '../../drizzle/schema';
import { createInvitation } from '../services/invitations/create-invitation';
import { hashInvitationToken } from '../services/invitations/invitation-token';
import { startHarness, type THarness } from '../testing/harness';
import { errorMessage, httpApi } from '../testing/http-api';
import { COLLEAGUE_PASSWORD as PASSWORD, newEmail, signedUpColleague as signedUp, tokenOf } from '../testing/colleague';
import { resultOf, sessionApi } from '../testing/session-api';

let h: THarness;
let api: ReturnType<typeof httpApi>;
let sessions: ReturnType<typeof sessionApi>;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
  api = httpApi(h);
  sessions = sessionApi(h);
});
afterAll(async () => h?.stop());

const invite = (email: string, role: 'viewer' | 'editor' | 'approver' | 'admin' = 'viewer') => h.as('admin').invitations.create({ projectId: h.projectId, email, role });
const acceptNew = (token: string, name = 'Colleague') => api.mutate('outsider', 'invitations.acceptAsNewUser', { token, name, password: PASSWORD });
const audits = (action: string) => h.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.projectId, h.projectId)));
const roleOf = async (userId: string) =>
  (await h.db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.projectId, h.projectId), eq(memberships.userId, userId))))[0]?.role ?? null;

describe('invitations', () => {
  it('an admin invites by e-mail; the link works once for a new account with the invited role', async () => {
    const email = newEmail();
    const created = await h.as('admin').invitations.create({ projectId: h.projectId, email: `  ${email.toUpperCase()} `, role: 'editor' });
    expect(created.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(created.mailed).toBe(false);
    const token = tokenOf(created.link);
    // only the hash is stored
    const [row] = await h.db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row).toMatchObject({ email, role: 'editor', tokenHash: hashInvitationToken(token) });
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await h.as('admin').invitations.list({ projectId: h.projectId })).map((i) => i.email)).toContain(email);

    const read = await api.query('outsider', 'invitations.read', { token });
    expect(resultOf(read)).toMatchObject({ email, role: 'editor', state: 'pending', accountExists: false, projectName: 'Test project' });

    const accepted = await acceptNew(token);
    expect(accepted.status).toBe(200);
    const second = await acceptNew(token, 'Someone else');
    expect([second.status, errorMessage(second)]).toEqual([409, 'This invitation was used already: each link works once']);
    expect(resultOf(await api.query('outsider', 'invitations.read', { token }))).toMatchObject({ state: 'accepted', accountExists: true });

    const { cookie, status } = await sessions.signIn(email, PASSWORD);
    expect(status).toBe(200);
    const me = resultOf<{ projects: { id: string; role: string }[] }>(await sessions.query(cookie, 'me.get'));
    expect(me.projects).toEqual([expect.objectContaining({ id: h.projectId, role: 'editor' })]);
    expect((await audits('invitation.create')).find((a) => a.targetId === created.id)?.details).toMatchObject({ email, role: 'editor' });
    expect((await audits('invitation.accept')).find((a) => a.targetId === created.id)?.details).toMatchObject({ email, role: 'editor', newAccount: true });
    // no audit row holds the token
    expect(JSON.stringify(await h.db.select().from(auditLog))).not.toContain(token);
  });

  it('refuses an expired link, a revoked one, and an unknown one', async () => {
    const expired = await invite(newEmail());
    await h.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(invitations.id, expired.id));
    const late = await acceptNew(tokenOf(expired.link));
    expect([late.status, errorMessage(late)]).toEqual([409, 'This invitation has expired: ask the project admin for a new one']);

    const revoked = await invite(newEmail());
    await h.as('admin').invitations.revoke({ projectId: h.projectId, invitationId: revoked.id });
    expect((await h.as('admin').invitations.list({ projectId: h.projectId })).map((i) => i.id)).not.toContain(revoked.id);
    const refused = await acceptNew(tokenOf(revoked.link));
    expect([refused.status, errorMessage(refused)]).toEqual([409, 'This invitation was revoked: ask the project admin for a new one']);
    const again = await api.mutate('admin', 'invitations.revoke', { projectId: h.projectId, invitationId: revoked.id });
    expect(again.status).toBe(404);
    expect((await audits('invitation.revoke')).map((a) => a.targetId)).toContain(revoked.id);

    const unknown = await acceptNew('A'.repeat(43));
    expect([unknown.status, errorMessage(unknown)]).toEqual([404, 'This invitation link is not valid']);
    const malformed = await acceptNew('../../etc');
    expect(malformed.status).toBe(400);
    expect(errorMessage(malformed)).toContain('token');
  });

  it('expires after WEFT_INVITATION_TTL_HOURS; a newer invitation of the same address replaces the pending one', async () => {
    const email = newEmail();
    const first = await createInvitation(h.db, { userId: h.members.admin.id }, { projectId: h.projectId, email, role: 'viewer' }, { WEFT_INVITATION_TTL_HOURS: '1' });
    expect(first.expiresAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    expect(first.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    const second = await invite(email, 'editor');
    expect(second.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
    expect((await acceptNew(tokenOf(first.link))).status).toBe(409);
    expect((await h.as('admin').invitations.list({ projectId: h.projectId })).filter((i) => i.email === email).map((i) => i.id)).toEqual([second.id]);
  });

  it('is bound to its e-mail address: another signed-in user is refused, the right one accepts; an existing account cannot be created again', async () => {
    const forOutsider = await invite(h.members.outsider.email, 'approver');
    const token = tokenOf(forOutsider.link);
    const wrong = await api.mutate('viewer', 'invitations.accept', { token });
    expect(wrong.status).toBe(403);
    expect(errorMessage(wrong)).toContain(`This invitation is for ${h.members.outsider.email}`);
    const asNew = await acceptNew(token);
    expect([asNew.status, errorMessage(asNew)]).toEqual([409, 'An account with this e-mail address exists: sign in, then accept']);
    expect(resultOf(await api.query('outsider', 'invitations.read', { token }))).toMatchObject({ state: 'pending', accountExists: true });

    expect((await api.mutate('outsider', 'invitations.accept', { token })).status).toBe(200);
    expect(await roleOf(h.members.outsider.id)).toBe('approver');
    await h.as('admin').members.remove({ projectId: h.projectId, userId: h.members.outsider.id });

    const member = await api.mutate('admin', 'invitations.create', { projectId: h.projectId, email: h.members.editor.email, role: 'viewer' });
    expect([member.status, errorMessage(member)]).toEqual([409, `email: ${h.members.editor.email} is already a member (editor)`]);
    const bad = await api.mutate('admin', 'invitations.create', { projectId: h.projectId, email: 'not an address', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(errorMessage(bad)).toMatch(/email: .*not an e-mail address.*role/s);
  });

  it('mails the link when WEFT_SMTP_URL is set; a failed mail leaves the link valid', async () => {
    const smtp = await fakeSmtpServer();
    try {
      const email = newEmail();
      const env = { WEFT_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, WEFT_SMTP_FROM: 'Weft <weft@test.local>' };
      const sent = await createInvitation(h.db, { userId: h.members.admin.id }, { projectId: h.projectId, email, role: 'viewer' }, env);
      expect(sent).toMatchObject({ mailed: true, mailError: null });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toContain(`To: ${email}`);
      expect(smtp.messages[0]!.replace(/=\r\n/g, '')).toContain(sent.link);
    } finally {
      await smtp.close();
    }
    const unreachable = await createInvitation(h.db, { userId: h.members.admin.id }, { projectId: h.projectId, email: newEmail(), role: 'viewer' }, { WEFT_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    expect(unreachable).toMatchObject({ mailed: false, mailError: expect.stringContaining('hand the link over yourself') });
    expect((await acceptNew(tokenOf(unreachable.link))).status).toBe(200);
  });
});

describe('members and roles', () => {
  it('a role change applies to the next request of a signed-in member', async () => {
    const colleague = await signedUp(h, sessions, 'viewer');
    const create = (name: string) => sessions.mutate(colleague.cookie, 'pipelines.create', { projectId: h.projectId, name });
    expect((await create('As viewer')).status).toBe(403);
    expect((await sessions.query(colleague.cookie, 'pipelines.list', { projectId: h.projectId })).status).toBe(200);

    await h.as('admin').members.setRole({ projectId: h.projectId, userId: colleague.userId, role: 'editor' });
    expect((await create('As editor')).status).toBe(200);
    await h.as('admin').members.setRole({ projectId: h.projectId, userId: colleague.userId, role: 'viewer' });
    expect((await create('As viewer again')).status).toBe(403);
    expect((await audits('member.set_role')).filter((a) => a.targetId === colleague.userId).map((a) => a.details)).toEqual([
      { email: colleague.email, from: 'viewer', to: 'editor' },
      { email: colleague.email, from: 'editor', to: 'viewer' },
    ]);

    await h.as('admin').members.remove({ projectId: h.projectId, userId: colleague.userId });
    expect((await sessions.query(colleague.cookie, 'pipelines.list', { projectId: h.projectId })).status).toBe(403);
    expect((await audits('member.remove')).find((a) => a.targetId === colleague.userId)?.details).toEqual({ email: colleague.email, role: 'viewer' });
  });

  it('never takes the last admin away, not even with two demotions at once', async () => {
    const admin = h.members.admin;
    const demote = await api.mutate('admin', 'members.setRole', { projectId: h.projectId, userId: admin.id, role: 'editor' });
    expect([demote.status, errorMessage(demote)]).toEqual([409, `${admin.email} is the project's last admin: make another member admin first`]);
    expect((await api.mutate('admin', 'members.remove', { projectId: h.projectId, userId: admin.id })).status).toBe(409);

    const colleague = await signedUp(h, sessions, 'editor');
    for (let round = 0; round < 5; round++) {
      await h.as('admin').members.setRole({ projectId: h.projectId, userId: colleague.userId, role: 'admin' });
      // two admins, and at the same moment one is demoted and the other demoted or removed: the
      // project's row lock makes the second see that only one admin is left
      const answers = await Promise.all([
        api.mutate('admin', 'members.setRole', { projectId: h.projectId, userId: colleague.userId, role: 'viewer' }),
        api.mutate('admin', round % 2 ? 'members.remove' : 'members.setRole', { projectId: h.projectId, userId: admin.id, role: 'viewer' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const admins = await h.db.select().from(memberships).where(and(eq(memberships.projectId, h.projectId), eq(memberships.role, 'admin')));
      expect(admins).toHaveLength(1);
      if (admins[0]!.userId !== admin.id) {
        // the harness's admin lost the role: give it back for the next round
        await h.db.insert(memberships).values({ projectId: h.projectId, userId: admin.id, role: 'admin' }).onConflictDoUpdate({ target: [memberships.projectId, memberships.userId], set: { role: 'admin' } });
        await h.db.update(memberships).set({ role: 'viewer' }).where(and(eq(memberships.projectId, h.projectId), eq(memberships.userId, colleague.userId)));
      }
    }
  });

  it('refuses every members and invitations change to non-admins (403, audited) and answers 404 for someone who is not a member', async () => {
    const { id: invitationId } = await invite(newEmail());
    const calls: [string, Record<string, unknown>][] = [
      ['invitations.create', { email: newEmail(), role: 'admin' }],
      ['invitations.revoke', { invitationId }],
      ['members.setRole', { userId: h.members.viewer.id, role: 'admin' }],
      ['members.remove', { userId: h.members.viewer.id }],
    ];
    for (const who of ['approver', 'editor', 'viewer', 'outsider'] as const) {
      for (const [path, input] of calls) {
        const answer = await api.mutate(who, path, { projectId: h.projectId, ...input });
        expect([who, path, answer.status]).toEqual([who, path, 403]);
      }
      expect((await api.query(who, 'invitations.list', { projectId: h.projectId })).status).toBe(403);
    }
    const refused = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'call.refused'), eq(auditLog.actor, h.members.approver.id)));
    expect(refused.map((r) => r.targetId)).toEqual(expect.arrayContaining(calls.map(([path]) => path)));
    expect(await roleOf(h.members.viewer.id)).toBe('viewer');
    const missing = await api.mutate('admin', 'members.setRole', { projectId: h.projectId, userId: h.members.outsider.id, role: 'viewer' });
    expect([missing.status, errorMessage(missing)]).toEqual([404, 'userId: not a member of this project']);
  });
});

/** Just enough SMTP to take one message at a time (nodemailer's client on the other end). */
async function fakeSmtpServer() {
  const messages: string[] = [];
  const server: Server = createServer((socket) => {
    let data: string | null = null;
    socket.write('220 fake ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            messages.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\r\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 fake\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go on\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
