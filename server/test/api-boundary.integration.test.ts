import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pipelines, refusedCallCounts } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { errorMessage, httpApi } from '../testing/http-api';

let h: THarness;
let api: ReturnType<typeof httpApi>;
let pipelineId: string;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
  api = httpApi(h);
  ({ id: pipelineId } = await h.as('editor').pipelines.create({ projectId: h.projectId, name: 'Boundary' }));
});
afterAll(async () => h?.stop());

const draft = (spec: unknown) => ({ projectId: h.projectId, pipelineId, spec });
const oneNode = (node: Record<string, unknown>): TPipelineSpec => ({ ...chainSpec([['a', 'noop', {}]]), nodes: [{ ...chainSpec([['a', 'noop', {}]]).nodes[0]!, ...node }] });
const storedDraft = async () => (await h.db.select({ draft: pipelines.draft }).from(pipelines).where(eq(pipelines.id, pipelineId)))[0]!.draft;
const getPipeline = () => api.query('viewer', 'pipelines.get', { projectId: h.projectId, pipelineId });

describe('the API refuses what it cannot serve, naming the field (HTTP, real database)', () => {
  it('refuses reserved keys in a config, a nested config value and a parameter name; the pipeline stays readable', async () => {
    const cases: [string, string][] = [
      ['{"nodes":[{"id":"a","kind":"noop","config":{"constructor":1}}],"edges":[]}', 'spec.nodes.0.config.constructor: "constructor" is a reserved name'],
      ['{"nodes":[{"id":"a","kind":"noop","config":{"body":{"__proto__":{"x":1}}}}],"edges":[]}', 'spec.nodes.0.config.body.__proto__: "__proto__" is a reserved name'],
      ['{"nodes":[],"edges":[],"parameters":{"prototype":"x"}}', 'spec.parameters.prototype: "prototype" is a reserved name'],
    ];
    for (const [spec, message] of cases) {
      const answer = await api.mutate('editor', 'pipelines.saveDraft', `{"projectId":"${h.projectId}","pipelineId":"${pipelineId}","spec":${spec}}`);
      expect([answer.status, errorMessage(answer)]).toEqual([400, message]);
    }
    expect((await getPipeline()).status).toBe(200);
  });

  it('refuses a body over the limit (413) and a batch over 20 calls (400); a 2,000-node draft fits', async () => {
    const huge = oneNode({ label: 'x', config: { blob: 'x'.repeat(3 * 1024 * 1024) } });
    const tooLarge = await api.mutate('editor', 'pipelines.saveDraft', draft(huge));
    expect(tooLarge.status).toBe(413);
    expect(errorMessage(tooLarge)).toMatch(/larger than 2097152 bytes/);

    const big = chainSpec(Array.from({ length: 2_000 }, (_, i) => [`step_${i}`, 'python', { code: 'print("hello from a step")\n' }] as [string, string, Record<string, unknown>]));
    expect((await api.mutate('editor', 'pipelines.saveDraft', draft(big))).status).toBe(200);

    const input = { projectId: h.projectId, pipelineId };
    expect((await api.batch('viewer', 'pipelines.get', input, 20)).status).toBe(200);
    const tooMany = await api.batch('viewer', 'pipelines.get', input, 21);
    expect(tooMany.status).toBe(400);
  });

  it('refuses superjson-encoded inputs: references can neither expand a small request nor close a cycle', async () => {
    const nodes = [{ id: 'a', kind: 'noop', config: { n: [1, 2, 3] } }];
    const expanding = {
      json: { projectId: h.projectId, pipelineId, spec: { nodes, edges: [] } },
      meta: { referentialEqualities: { 'spec.nodes.0.config': ['spec.nodes.0.config.n.0', 'spec.nodes.0.config.n.1', 'spec.nodes.0.config.n.2'] } },
    };
    const cycle = { json: { projectId: h.projectId, pipelineId, spec: { nodes, edges: [] } }, meta: { referentialEqualities: { 'spec.nodes.0.config': ['spec.nodes.0.config.n.0'] } } };
    const before = await storedDraft();
    for (const body of [expanding, cycle]) {
      const answer = await api.mutate('editor', 'pipelines.saveDraft', body);
      expect([answer.status, errorMessage(answer)]).toEqual([400, 'input: send plain JSON; superjson-encoded inputs (and their references) are not accepted']);
    }
    expect(await storedDraft()).toEqual(before);
  });

  it('answers 400 naming the field for 10,000-deep JSON, a NUL character and a lone surrogate', async () => {
    const deep = `{"projectId":"${h.projectId}","pipelineId":"${pipelineId}","spec":{"nodes":[{"id":"a","kind":"noop","config":{"d":${'['.repeat(10_000)}${']'.repeat(10_000)}}}],"edges":[]}}`;
    const deepAnswer = await api.mutate('editor', 'pipelines.saveDraft', deep);
    expect(deepAnswer.status).toBe(400);
    expect(errorMessage(deepAnswer)).toMatch(/^spec\.nodes\.0\.config\.d(\.0)+: nested deeper than 64 levels$/);

    const nul = await api.mutate('editor', 'pipelines.saveDraft', draft(oneNode({ label: 'a\u0000b' })));
    expect([nul.status, errorMessage(nul)]).toEqual([400, 'spec.nodes.0.label: contains a NUL character']);
    // JSON.stringify writes a lone surrogate as the escape "\ud800", as an attacker's client would
    const surrogate = await api.mutate('editor', 'pipelines.saveDraft', draft(oneNode({ config: { ['k\ud800']: 1 } })));
    expect([surrogate.status, errorMessage(surrogate)]).toEqual([400, 'spec.nodes.0.config.k\ud800: contains a lone surrogate (not valid Unicode text)']);
    // its audit row quotes the field with the surrogate replaced (Postgres refuses it in jsonb too)
    const [row] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'call.refused')).orderBy(desc(auditLog.id)).limit(1);
    expect(row?.details.reason).toBe('spec.nodes.0.config.k\ufffd: contains a lone surrogate (not valid Unicode text)');
  });

  it('refuses a mutation sent from another site (Origin, else Sec-Fetch-Site) with 403; same-origin ones pass', async () => {
    const spec = chainSpec([['a', 'noop', {}]]);
    const foreign = await api.mutate('editor', 'pipelines.saveDraft', draft(spec), { origin: 'https://evil.example' });
    expect([foreign.status, errorMessage(foreign)]).toEqual([403, 'Origin https://evil.example is not trusted']);
    const crossSite = await api.mutate('editor', 'pipelines.saveDraft', draft(spec), { origin: '', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await api.mutate('editor', 'pipelines.saveDraft', draft(spec), { origin: '', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await api.mutate('editor', 'pipelines.saveDraft', draft(spec))).status).toBe(200);
  });
});

describe('refused calls are audited, a bounded number per actor and minute', () => {
  it('records actor, procedure and reason for a role refusal and a validation refusal; past 20 a minute they are only counted', async () => {
    const viewer = h.members.viewer.id;
    const spec = chainSpec([['a', 'noop', {}]]);
    const forbidden = await api.mutate('viewer', 'pipelines.saveDraft', draft(spec));
    expect(forbidden.status).toBe(403);
    const invalid = await api.query('viewer', 'pipelines.get', { projectId: h.projectId, pipelineId: 'nope' });
    expect(invalid.status).toBe(400);

    const rows = await h.db.select().from(auditLog).where(and(eq(auditLog.actor, viewer), eq(auditLog.action, 'call.refused'))).orderBy(auditLog.id);
    expect(rows.map((r) => [r.targetId, r.details.code])).toEqual([
      ['pipelines.saveDraft', 'FORBIDDEN'],
      ['pipelines.get', 'BAD_REQUEST'],
    ]);
    expect(rows[1]!.details.reason).toMatch(/^pipelineId: /);

    for (let i = 0; i < 43; i++) await api.mutate('viewer', 'pipelines.saveDraft', draft(spec));
    const audited = await h.db.select().from(auditLog).where(and(eq(auditLog.actor, viewer), eq(auditLog.action, 'call.refused')));
    const counted = await h.db.select().from(refusedCallCounts).where(eq(refusedCallCounts.actor, viewer));
    // (45 calls may straddle a minute boundary, each minute with its own 20; one of them has more)
    expect(counted.reduce((sum, c) => sum + c.refused, 0)).toBe(45);
    expect(audited.length).toBe(counted.reduce((sum, c) => sum + Math.min(c.refused, 20), 0));
    expect(audited.length).toBeLessThan(45);
  });
});
