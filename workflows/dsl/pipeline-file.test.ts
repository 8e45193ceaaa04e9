import { describe, expect, it } from 'vitest';
import { parsePipelineFile, pipelineFileFormat, serializePipelineFile } from './pipeline-file';
import { ZPipelineSpecSchema } from './spec';
import { edge, pythonNode, shellNode, spec } from './test-specs';

const good = ZPipelineSpecSchema.parse(spec([pythonNode('train'), shellNode('deploy')], [edge('train', 'deploy')], { parameters: { lr: 0.1 } }));
const file = { name: 'Train', description: 'trains', tags: ['ml'], spec: good };

describe('pipeline files', () => {
  it.each(['json', 'yaml'] as const)('round-trips through %s', (format) => {
    const parsed = parsePipelineFile(serializePipelineFile(file, format), format);
    expect(parsed).toEqual({ ok: true, file });
  });

  it('takes a bare spec too', () => {
    expect(parsePipelineFile(JSON.stringify(good), 'json')).toEqual({ ok: true, file: { description: '', tags: [], spec: good } });
  });

  it('lists every problem of a bad spec, by node, and returns no spec', () => {
    const bad = { ...good, nodes: [...good.nodes, { ...good.nodes[0]!, id: 'dup' }, { id: 'x', kind: 'nope', label: 'x', config: {}, position: { x: 0, y: 0 } }] };
    const parsed = parsePipelineFile(JSON.stringify(bad), 'json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
  });

  it('refuses what is not a pipeline: broken syntax, an array, a wrong envelope, a huge file', () => {
    const problems = (text: string, format: 'json' | 'yaml' = 'yaml') => {
      const parsed = parsePipelineFile(text, format);
      return parsed.ok ? [] : parsed.problems.map((p) => p.message);
    };
    expect(problems('{"nodes": [', 'json')[0]).toMatch(/not valid JSON/);
    expect(problems('nodes: [unclosed')[0]).toMatch(/not valid YAML/);
    expect(problems('- 1\n- 2')[0]).toMatch(/must hold a pipeline/);
    expect(problems('kind: weft-pipeline\nversion: 2\nspec: {}')[0]).toMatch(/^version:/);
    expect(problems('x'.repeat(3 * 1024 * 1024))[0]).toMatch(/larger than/);
  });

  it('refuses a YAML bomb of nested aliases', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const parsed = parsePipelineFile(bomb, 'yaml');
    expect(parsed.ok).toBe(false);
  });

  it('tells the format by the file name', () => {
    expect(pipelineFileFormat('p.JSON')).toBe('json');
    expect(pipelineFileFormat('p.yml')).toBe('yaml');
    expect(pipelineFileFormat('p.yaml')).toBe('yaml');
  });
});
