import { describe, expect, it } from 'vitest';
import { compileSpec } from '../compile';
import type { TPythonLibraryConfig } from './library-kind';
import { libraryArtifactReads } from './library-kind';
import { spec } from '../test-specs';
import { validateSpec } from '../validate';

const hash = 'ab'.repeat(32);
const load = (config: Record<string, unknown>) => spec([{ id: 'load', kind: 'load_dataset', config: { source: 'artifact', ...config } }]);

describe('Load dataset from a stored artifact', () => {
  it('takes a sha256 or params.<name>, and names the field otherwise', () => {
    expect(validateSpec(load({ artifact: hash })).problems).toEqual([]);
    expect(validateSpec(load({ artifact: 'params.data' })).problems).toEqual([]);
    for (const artifact of ['', 'params.', 'AB'.repeat(32), '../etc/passwd']) {
      expect(validateSpec(load({ artifact })).problems.map((p) => p.field), artifact).toEqual(['config.artifact']);
    }
  });

  it('reads the hash from the run parameter it names; a parameter is not cached (the key does not see it)', () => {
    const compiled = compileSpec(load({ artifact: 'params.data' }));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const config = compiled.plan.steps[0]!.config as TPythonLibraryConfig;
    expect(compiled.plan.steps[0]!.cache).toBe(false);
    expect(libraryArtifactReads(config, { data: hash })).toEqual([{ name: 'params.data', hash }]);
    expect(libraryArtifactReads(config, {})).toEqual({ error: 'the run has no parameter "data"' });
    expect(libraryArtifactReads(config, { data: '' })).toEqual({ error: 'parameter "data" is not an artifact’s sha256 (64 hex digits): ""' });
    const literal = compileSpec(load({ artifact: hash }));
    expect(literal.ok && libraryArtifactReads(literal.plan.steps[0]!.config as TPythonLibraryConfig, {})).toEqual([{ name: 'artifact', hash }]);
  });

  it('reads nothing by hash for the other sources', () => {
    const compiled = compileSpec(spec([{ id: 'load', kind: 'load_dataset', config: {} }]));
    expect(compiled.ok && libraryArtifactReads(compiled.plan.steps[0]!.config as TPythonLibraryConfig, {})).toEqual([]);
  });
});
