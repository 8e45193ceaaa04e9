// Managing pipelines through the real API and Postgres: the paged, searched list; rename,
// duplicate, tag, archive and restore; import of JSON and YAML files (a bad one stores nothing);
// version history, optimistic concurrency on the base version and "nothing changed".
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pipelines } from '../../drizzle/schema';
import { serializePipelineFile } from '../../workflows/dsl/pipeline-file';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { errorMessage, httpApi } from '../testing/http-api';

let h: THarness;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
});
afterAll(async () => h?.stop());

const editor = () => h.as('editor').pipelines;
const create = (name: string, extra: { tags?: string[]; description?: string } = {}) => editor().create({ projectId: h.projectId, name, ...extra });
const spec = chainSpec([['train', 'noop', {}], ['deploy', 'noop', {}]]);
const count = async () => (await h.db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.projectId, h.projectId))).length;

describe('the pipelines list', () => {
  it('searches case-insensitively, sorts names case-insensitively, pages, filters by tag and hides archived ones', async () => {
    const prefix = `zz-${randomUUID().slice(0, 6)}`;
    for (const name of ['beta', 'Alpha', 'gamma', 'Delta']) await create(`${prefix} ${name}`, { tags: name === 'gamma' ? ['nlp'] : ['vision'] });
    const page = (p: number) => h.as('viewer').pipelines.browse({ projectId: h.projectId, search: prefix.toUpperCase(), page: p, pageSize: 3 });
    const first = await page(1);
    expect(first.items.map((i) => i.name.slice(prefix.length + 1))).toEqual(['Alpha', 'beta', 'Delta']);
    expect(first.total).toBe(4);
    expect((await page(2)).items.map((i) => i.name.slice(prefix.length + 1))).toEqual(['gamma']);
    const byTag = await h.as('viewer').pipelines.browse({ projectId: h.projectId, search: prefix, tag: 'nlp' });
    expect(byTag.items.map((i) => i.name)).toEqual([`${prefix} gamma`]);
    expect(byTag.tags).toEqual(expect.arrayContaining(['nlp', 'vision']));
    // "%" is a letter, not a wildcard
    expect((await h.as('viewer').pipelines.browse({ projectId: h.projectId, search: `${prefix}%` })).total).toBe(0);
  });
});

describe('changing a pipeline', () => {
  it('renames (a taken name is a 409 naming the field), tags, archives and restores, audited; an archived pipeline neither lists nor runs', async () => {
    const { id } = await create(`ren-${randomUUID().slice(0, 6)}`);
    const taken = `taken-${randomUUID().slice(0, 6)}`;
    await create(taken);
    const api = httpApi(h);
    const clash = await api.mutate('editor', 'pipelines.change', { projectId: h.projectId, pipelineId: id, change: { kind: 'rename', name: taken } });
    expect(clash.status).toBe(409);
    expect(errorMessage(clash)).toMatch(/^name: /);
    await editor().change({ projectId: h.projectId, pipelineId: id, change: { kind: 'rename', name: `${taken}-2` } });
    await editor().change({ projectId: h.projectId, pipelineId: id, change: { kind: 'tag', tags: ['b', 'a', 'a'] } });
    expect((await h.as('viewer').pipelines.get({ projectId: h.projectId, pipelineId: id })).tags).toEqual(['a', 'b']);

    const { versionId } = await editor().saveVersion({ projectId: h.projectId, pipelineId: id, spec, message: 'v1' });
    await editor().change({ projectId: h.projectId, pipelineId: id, change: { kind: 'archive' } });
    expect((await h.as('viewer').pipelines.list({ projectId: h.projectId })).some((p) => p.id === id)).toBe(false);
    expect((await h.as('viewer').pipelines.browse({ projectId: h.projectId, archived: true, search: `${taken}-2` })).items.map((p) => p.id)).toEqual([id]);
    await expect(h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/archived/) });
    await expect(editor().change({ projectId: h.projectId, pipelineId: id, change: { kind: 'archive' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await editor().change({ projectId: h.projectId, pipelineId: id, change: { kind: 'restore' } });
    expect((await h.as('viewer').pipelines.list({ projectId: h.projectId })).some((p) => p.id === id)).toBe(true);
    const actions = (await h.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['pipeline.rename', 'pipeline.tag', 'pipeline.archive', 'pipeline.restore']));
  });

  it('duplicates with its draft, description and tags as "(copy)", then "(copy 2)"; viewers may not', async () => {
    const name = `dup-${randomUUID().slice(0, 6)}`;
    const { id } = await create(name, { description: 'described', tags: ['x'] });
    await editor().saveDraft({ projectId: h.projectId, pipelineId: id, spec });
    const first = await editor().duplicate({ projectId: h.projectId, pipelineId: id });
    const second = await editor().duplicate({ projectId: h.projectId, pipelineId: id });
    expect([first.name, second.name]).toEqual([`${name} (copy)`, `${name} (copy 2)`]);
    const copy = await h.as('viewer').pipelines.get({ projectId: h.projectId, pipelineId: first.id });
    expect(copy).toMatchObject({ description: 'described', tags: ['x'], versions: [] });
    expect(copy.draft.nodes.map((n) => n.id)).toEqual(['train', 'deploy']);
    await expect(h.as('viewer').pipelines.duplicate({ projectId: h.projectId, pipelineId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('import', () => {
  it.each(['json', 'yaml'] as const)('imports a %s file as a new pipeline with its draft and tags', async (format) => {
    const name = `imp-${format}-${randomUUID().slice(0, 6)}`;
    const text = serializePipelineFile({ name, description: 'from a file', tags: ['imported'], spec }, format);
    const { id } = await editor().import({ projectId: h.projectId, format, text });
    const got = await h.as('viewer').pipelines.get({ projectId: h.projectId, pipelineId: id });
    expect(got).toMatchObject({ name, description: 'from a file', tags: ['imported'] });
    expect(got.draft).toEqual(spec);
  });

  it('refuses a bad file with its problems listed, and stores nothing', async () => {
    const before = await count();
    const bad = { ...spec, edges: [...spec.edges, { id: 'loop', source: 'deploy', sourcePort: 'out', target: 'train', targetPort: 'in' }] };
    const answer = await httpApi(h).mutate('editor', 'pipelines.import', { projectId: h.projectId, format: 'json', name: `bad-${randomUUID().slice(0, 6)}`, text: JSON.stringify(bad) });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/cycle/i);
    const broken = await httpApi(h).mutate('editor', 'pipelines.import', { projectId: h.projectId, format: 'yaml', name: 'broken', text: 'nodes: [' });
    expect(broken.status).toBe(400);
    expect(errorMessage(broken)).toMatch(/problem/);
    expect(await count()).toBe(before);
  });
});

describe('versions', () => {
  it('refuses a save on top of a version the editor did not start from, with the diff; and a save that changes nothing', async () => {
    const { id } = await create(`ver-${randomUUID().slice(0, 6)}`);
    const v1 = await editor().saveVersion({ projectId: h.projectId, pipelineId: id, spec, message: 'first', baseVersion: 0 });
    expect(v1.number).toBe(1);
    // a colleague saves version 2 meanwhile
    const theirs = chainSpec([['train', 'noop', {}], ['deploy', 'noop', {}], ['monitor', 'noop', {}]]);
    await h.as('admin').pipelines.saveVersion({ projectId: h.projectId, pipelineId: id, spec: theirs, message: 'second', baseVersion: 1 });
    const mine = chainSpec([['train', 'noop', { sleepMs: 5 }], ['deploy', 'noop', {}]]);
    const answer = await httpApi(h).mutate('editor', 'pipelines.saveVersion', { projectId: h.projectId, pipelineId: id, spec: mine, message: 'mine', baseVersion: 1 });
    expect(answer.status).toBe(409);
    expect(errorMessage(answer)).toMatch(/Version 2 was saved by Test admin after you started from version 1/);
    type TConflict = { number: number; diff: { nodes: { removed: string[]; changed: { id: string }[] } } };
    const conflict = (answer.body as { error: { json: { data: { conflict: TConflict } } } }).error.json.data.conflict;
    expect(conflict.number).toBe(2);
    expect(conflict.diff.nodes.removed).toEqual(['monitor']);
    expect(conflict.diff.nodes.changed.map((c) => c.id)).toEqual(['train']);

    await expect(editor().saveVersion({ projectId: h.projectId, pipelineId: id, spec: theirs, message: 'again', baseVersion: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Nothing changed since version 2' });
    const v3 = await editor().saveVersion({ projectId: h.projectId, pipelineId: id, spec: mine, message: 'mine', baseVersion: 2 });
    expect(v3.number).toBe(3);
    const opened = await h.as('viewer').pipelines.version({ projectId: h.projectId, pipelineId: id, number: 2 });
    expect(opened).toMatchObject({ number: 2, message: 'second', createdByName: 'Test admin' });
    expect(opened.spec.nodes.map((n) => n.id)).toEqual(['train', 'deploy', 'monitor']);
  });
});
