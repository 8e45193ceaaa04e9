import { CompletionContext } from '@codemirror/autocomplete';
import { python } from '@codemirror/lang-python';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { stepHelperCompletions, syntaxDiagnostics } from './python-assist';

const stateOf = (doc: string) => EditorState.create({ doc, extensions: [python()] });
const complete = (doc: string) => stepHelperCompletions(new CompletionContext(stateOf(doc), doc.length, true));

describe('python help in the code editor', () => {
  it("completes the step helper's functions after weft. and mlflow's after mlflow.", () => {
    expect(complete('import weft_step as weft\nweft.lo')!.options.map((o) => o.label)).toContain('log_metric');
    expect(complete('weft.')!.options.map((o) => o.label)).toContain('output_path');
    expect(complete('mlflow.sklearn.')!.options.map((o) => o.label)).toContain('log_model');
    expect(complete('mlflow.au')!.options.map((o) => o.label)).toContain('autolog');
    expect(complete('x = 1')).toBeNull();
  });

  it('marks a syntax error on its line and nothing in valid code', () => {
    const valid = stateOf('def f(x):\n    return x + 1\n');
    ensureSyntaxTree(valid, valid.doc.length, 5_000);
    expect(syntaxDiagnostics(valid)).toEqual([]);
    const broken = stateOf('def f(x)\n    return x +\n');
    ensureSyntaxTree(broken, broken.doc.length, 5_000);
    const found = syntaxDiagnostics(broken);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/Syntax error on line 1/);
  });
});
