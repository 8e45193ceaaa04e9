/** A one-line failure is at most this long: the whole log is one click away. */
const MAX_CHARS = 300;
const TRACEBACK = 'Traceback (most recent call last):';
const FRAME = /^\s+File "([^"]+)", line (\d+), in (.+)$/;

/** How a library step (weft_ml) ends on bad input: its message, "<Title>: <why>", is the log's last line. */
export const STEP_ERROR_EXIT_CODE = 2;

/**
 * Why a step failed, in one line. For python: the exception type and message, and where in the
 * step's own code (`main.py`) it was raised, not in Weft's frames (the fork server that ran it);
 * a library step's refusal of its input: its message as it is; otherwise how the process ended,
 * with the last line it printed.
 */
export function failureSummary(log: string, exit: { exitCode: number | null; signal?: string | null }, opts: { library?: boolean } = {}): string {
  const last = log.trimEnd().split('\n').at(-1)?.trim();
  if (opts.library && exit.exitCode === STEP_ERROR_EXIT_CODE && last) return clip(last);
  const ending = exit.signal ? `Killed by ${exit.signal}` : `Exited with code ${exit.exitCode}`;
  const python = pythonFailure(log);
  if (python) return clip(python);
  return clip(last ? `${ending}: ${last}` : ending);
}

function pythonFailure(log: string): string | undefined {
  const start = log.lastIndexOf(TRACEBACK);
  if (start < 0) return undefined;
  const lines = log.slice(start + TRACEBACK.length).split('\n');
  let userLine: string | undefined;
  for (const [i, line] of lines.entries()) {
    const frame = FRAME.exec(line);
    if (frame) {
      if (frame[1]!.endsWith('/main.py')) userLine = frame[2];
      continue;
    }
    if (i === 0 || !line.trim() || /^\s/.test(line)) continue; // the header's rest, code lines, ^^^ markers
    const where = userLine ? ` (line ${userLine} of the step's code)` : '';
    return `${line.trim()}${where}`;
  }
  return undefined;
}

const clip = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);
