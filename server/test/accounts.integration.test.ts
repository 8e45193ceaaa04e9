import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, memberships, schedules, session } from '../../drizzle/schema';
import { temporalScheduleId } from '../services/schedules/schedule-input';
import { COLLEAGUE_PASSWORD, signedUpColleague } from '../testing/colleague';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { errorMessage, httpApi } from '../testing/http-api';
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

const auditOf = async (action: string, targetId: string) => (await h.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))))[0];
const sessionCount = async (userId: string) => (await h.db.select().from(session).where(eq(session.userId, userId))).length;

describe('projects: platform admins create, rename and archive them', () => {
  it('creates a project whose creator is its admin, renames it, archives it (gone from lists, writes refused, schedules paused, runs kept) and restores it', async () => {
    const admin = h.as('admin');
    const slug = `vision-${Date.now()}`;
    const { id: projectId } = await admin.projects.create({ name: 'Vision', slug, teamId: h.teamId });
    expect((await admin.me.get()).projects).toContainEqual(expect.objectContaining({ id: projectId, name: 'Vision', role: 'admin' }));
    expect(await auditOf('project.create', projectId)).toMatchObject({ actor: h.members.admin.id, details: { name: 'Vision', slug, teamId: h.teamId } });

    const taken = await api.mutate('admin', 'projects.create', { name: 'Again', slug });
    expect([taken.status, errorMessage(taken)]).toEqual([409, `slug: a project with the slug "${slug}" exists already`]);
    const badSlug = await api.mutate('admin', 'projects.create', { name: 'Bad', slug: 'Not A Slug!' });
    expect(badSlug.status).toBe(400);
    expect(errorMessage(badSlug)).toMatch(/^slug: lower-case letters/);
    expect((await api.mutate('admin', 'projects.create', { name: 'x'.repeat(121), slug: 'long-name' })).status).toBe(400);

    await admin.projects.rename({ projectId, name: 'Computer vision' });
    expect((await admin.projects.list()).find((p) => p.id === projectId)).toMatchObject({ name: 'Computer vision', team: expect.any(String), members: 1, archivedAt: null });
    expect((await auditOf('project.rename', projectId))?.details).toEqual({ from: 'Vision', to: 'Computer vision' });

    const { id: pipelineId } = await admin.pipelines.create({ projectId, name: 'nightly' });
    const { versionId } = await admin.pipelines.saveVersion({ projectId, pipelineId, spec: chainSpec([['a', 'noop', {}]]), message: '' });
    const { id: scheduleId } = await admin.schedules.create({ projectId, versionId, name: 'hourly', intervalSeconds: 3_600, timezone: 'UTC' });

    await admin.projects.setArchived({ projectId, archived: true });
    expect((await admin.me.get()).projects.map((p) => p.id)).not.toContain(projectId);
    expect((await admin.teams.list()).teams.flatMap((t) => t.projects).map((p) => p.id)).not.toContain(projectId);
    const write = await api.mutate('admin', 'pipelines.create', { projectId, name: 'refused' });
    expect([write.status, errorMessage(write)]).toEqual([409, 'This project is archived: it keeps its runs but accepts no changes']);
    expect((await api.mutate('admin', 'projects.rename', { projectId, name: 'refused' })).status).toBe(409);
    expect((await api.query('admin', 'pipelines.list', { projectId })).status).toBe(200);
    expect((await h.db.select().from(schedules).where(eq(schedules.id, scheduleId)))[0]?.paused).toBe(true);
    expect((await h.temporal.schedule.getHandle(temporalScheduleId(scheduleId)).describe()).state.paused).toBe(true);
    expect((await auditOf('project.archive', projectId))?.details).toEqual({ pausedSchedules: [scheduleId] });
    expect((await admin.projects.list()).find((p) => p.id === projectId)?.archivedAt).toBeInstanceOf(Date);

    await admin.projects.setArchived({ projectId, archived: false });
    expect((await admin.me.get()).projects.map((p) => p.id)).toContain(projectId);
    expect(await auditOf('project.restore', projectId)).toBeDefined();
    await admin.schedules.delete({ projectId, scheduleId });
  });

  it('refuses project changes to anyone but a platform admin, a project admin included (403, audited)', async () => {
    // the harness's approver is no platform admin; make them a project admin to show that is not enough
    await h.db.update(memberships).set({ role: 'admin' }).where(and(eq(memberships.projectId, h.projectId), eq(memberships.userId, h.members.approver.id)));
    try {
      const calls: [string, unknown][] = [
        ['projects.create', { name: 'Mine', slug: 'mine' }],
        ['projects.rename', { projectId: h.projectId, name: 'Mine' }],
        ['projects.setArchived', { projectId: h.projectId, archived: true }],
        ['users.setDisabled', { userId: h.members.viewer.id, disabled: true }],
      ];
      for (const [path, input] of calls) {
        for (const who of ['approver', 'editor', 'outsider'] as const) expect([who, path, (await api.mutate(who, path, input)).status]).toEqual([who, path, 403]);
        const [refused] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'call.refused'), eq(auditLog.targetId, path), eq(auditLog.actor, h.members.approver.id)));
        expect(refused?.details).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await api.query('approver', 'projects.list', {})).status).toBe(403);
      expect((await api.query('approver', 'users.list', {})).status).toBe(403);
    } finally {
      await h.db.update(memberships).set({ role: 'approver' }).where(and(eq(memberships.projectId, h.projectId), eq(memberships.userId, h.members.approver.id)));
    }
  });
});

describe('users: platform admins disable them', () => {
  it('ends every session of a disabled user at once and refuses their sign-in until enabled again', async () => {
    const colleague = await signedUpColleague(h, sessions);
    const second = await sessions.signIn(colleague.email, COLLEAGUE_PASSWORD);
    expect(await sessionCount(colleague.userId)).toBe(2);

    expect(await h.as('admin').users.setDisabled({ userId: colleague.userId, disabled: true })).toEqual({ sessionsEnded: 2 });
    expect(await sessionCount(colleague.userId)).toBe(0);
    for (const cookie of [colleague.cookie, second.cookie]) expect((await sessions.query(cookie, 'me.get')).status).toBe(401);
    const refused = await sessions.signIn(colleague.email, COLLEAGUE_PASSWORD);
    expect(refused.status).toBe(403);
    expect(await sessionCount(colleague.userId)).toBe(0);
    expect((await h.as('admin').users.list()).find((u) => u.id === colleague.userId)).toMatchObject({ disabledAt: expect.any(Date), projects: 1 });
    expect(await auditOf('user.disable', colleague.userId)).toMatchObject({ actor: h.members.admin.id, details: { email: colleague.email, sessionsEnded: 2 } });
    // the members list says so
    expect((await h.as('admin').members.list({ projectId: h.projectId })).find((m) => m.userId === colleague.userId)?.disabled).toBe(true);

    await h.as('admin').users.setDisabled({ userId: colleague.userId, disabled: false });
    const back = await sessions.signIn(colleague.email, COLLEAGUE_PASSWORD);
    expect(back.status).toBe(200);
    expect((await sessions.query(back.cookie, 'me.get')).status).toBe(200);
    expect(await auditOf('user.enable', colleague.userId)).toBeDefined();

    const self = await api.mutate('admin', 'users.setDisabled', { userId: h.members.admin.id, disabled: true });
    expect([self.status, errorMessage(self)]).toEqual([400, 'userId: you cannot disable your own account']);
  });
});

describe('account: one’s own password and sessions', () => {
  it('lists one’s sessions, changes the password (the current one first) and signs the other sessions out', async () => {
    const colleague = await signedUpColleague(h, sessions);
    const other = await sessions.signIn(colleague.email, COLLEAGUE_PASSWORD);
    const listed = resultOf<{ id: string; current: boolean }[]>(await sessions.query(colleague.cookie, 'account.sessions'));
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain('token');

    const wrong = await sessions.mutate(colleague.cookie, 'account.changePassword', { currentPassword: 'not it', newPassword: 'a new secret phrase' });
    expect([wrong.status, errorMessage(wrong)]).toEqual([400, 'currentPassword: not your current password']);
    const short = await sessions.mutate(colleague.cookie, 'account.changePassword', { currentPassword: COLLEAGUE_PASSWORD, newPassword: 'short' });
    expect([short.status, errorMessage(short)]).toEqual([400, 'newPassword: Use at least 8 characters']);

    const changed = await sessions.mutate(colleague.cookie, 'account.changePassword', { currentPassword: COLLEAGUE_PASSWORD, newPassword: 'a new secret phrase' });
    expect([changed.status, resultOf(changed)]).toEqual([200, { sessionsEnded: 1 }]);
    expect((await sessions.query(other.cookie, 'me.get')).status).toBe(401);
    expect((await sessions.query(colleague.cookie, 'me.get')).status).toBe(200);
    expect((await sessions.signIn(colleague.email, COLLEAGUE_PASSWORD)).status).toBe(401);
    const third = await sessions.signIn(colleague.email, 'a new secret phrase');
    expect(third.status).toBe(200);
    const audit = await auditOf('account.change_password', colleague.userId);
    expect(audit).toMatchObject({ actor: colleague.userId, details: { sessionsEnded: 1 } });
    expect(JSON.stringify(await h.db.select().from(auditLog))).not.toContain('a new secret phrase');

    expect(resultOf(await sessions.mutate(colleague.cookie, 'account.signOutOthers'))).toEqual({ sessionsEnded: 1 });
    expect((await sessions.query(third.cookie, 'me.get')).status).toBe(401);
    expect((await sessions.query(colleague.cookie, 'me.get')).status).toBe(200);
    expect(await auditOf('account.sign_out_others', colleague.userId)).toMatchObject({ details: { sessionsEnded: 1 } });
  });
});
