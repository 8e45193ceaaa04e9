import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { pythonLanguage } from '@codemirror/lang-python';
import { syntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';

/**
 * Help for a step's Python: completion of the step helper's functions (`weft.` / `weft_step.`) and
 * of the `mlflow` calls a step makes most (the venv has mlflow), and syntax errors marked inline as
 * the parser finds them (no round trip: the same code runs on the worker, which reports the rest).
 */
const fn = (label: string, detail: string, info: string): Completion => ({ label, detail, info, type: 'function', apply: `${label}(` });

export const WEFT_COMPLETIONS: Completion[] = [
  fn('params', '()', "The run's parameters, name → value."),
  fn('config', '()', "The node's config as set on the canvas."),
  fn('inputs', '()', 'Upstream files: {from_node: {name: path}} (read-only).'),
  fn('input_path', '(name, from_node=None)', 'The path of the upstream file `name`.'),
  fn('output_path', '(name)', 'Where to write the output file `name`: it flows to downstream steps.'),
  fn('log_metric', '(key, value)', "Records a metric: shown on the canvas; conditions and approvals read the step's last value."),
  fn('progress', '(fraction, message="")', 'How far the step is (0.0 to 1.0), shown live on the canvas.'),
];

export const MLFLOW_COMPLETIONS: Completion[] = [
  fn('log_metric', '(key, value, step=None)', "A metric of this step's tracking run (a series when `step` is given)."),
  fn('log_metrics', '(metrics, step=None)', 'Several metrics at once.'),
  fn('log_param', '(key, value)', 'A parameter of the tracking run.'),
  fn('log_params', '(params)', 'Several parameters at once.'),
  fn('set_tag', '(key, value)', 'A tag of the tracking run.'),
  fn('log_artifact', '(local_path, artifact_path=None)', 'Uploads a file into the run’s artifacts.'),
  fn('log_artifacts', '(local_dir, artifact_path=None)', 'Uploads a directory.'),
  fn('log_dict', '(dictionary, artifact_file)', 'A JSON or YAML artifact.'),
  fn('log_figure', '(figure, artifact_file)', 'A matplotlib figure as an image artifact.'),
  fn('autolog', '()', 'Logs params, metrics and the model of supported libraries (scikit-learn, …).'),
  fn('start_run', '(nested=False)', "A run nested under the step's own."),
  { label: 'sklearn', type: 'namespace', info: 'mlflow.sklearn: log_model, autolog, load_model' },
];

const SKLEARN_COMPLETIONS: Completion[] = [
  fn('log_model', '(sk_model, name, registered_model_name=None, signature=None)', 'Logs the model; registered_model_name also registers a version.'),
  fn('autolog', '()', 'scikit-learn autologging.'),
  fn('load_model', '(model_uri)', 'Loads a logged model (e.g. "models:/iris-classifier@champion").'),
];

const SOURCES: [RegExp, Completion[]][] = [
  [/\bmlflow\.sklearn\.\w*$/, SKLEARN_COMPLETIONS],
  [/\b(?:weft|weft_step)\.\w*$/, WEFT_COMPLETIONS],
  [/\bmlflow\.\w*$/, MLFLOW_COMPLETIONS],
];

export function stepHelperCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  for (const [pattern, options] of SOURCES) {
    if (!pattern.test(before)) continue;
    const word = context.matchBefore(/\w*$/);
    return { from: word ? word.from : context.pos, options, validFor: /^\w*$/ };
  }
  return null;
}

/** The parser's error nodes as diagnostics, one per line (the first), so a typo is seen before a run. */
export function syntaxDiagnostics(state: Parameters<typeof syntaxTree>[0]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const lines = new Set<number>();
  syntaxTree(state).iterate({
    enter: (node) => {
      if (!node.type.isError) return;
      const line = state.doc.lineAt(node.from).number;
      if (lines.has(line)) return;
      lines.add(line);
      found.push({ from: node.from, to: Math.max(node.to, Math.min(node.from + 1, state.doc.length)), severity: 'error', message: `Syntax error on line ${line}` });
    },
  });
  return found;
}

export const pythonAssist = [pythonLanguage.data.of({ autocomplete: stepHelperCompletions }), linter((view) => syntaxDiagnostics(view.state), { delay: 400 })];
