import { describe, expect, it } from 'vitest';
import { failureSummary } from './failure-summary';

const FORKED = `loading
Traceback (most recent call last):
  File "/work/weft/workflows/executors/python-warm/weft_forkserver.py", line 222, in run_child
    run_as_main(script)
  File "/work/weft/workflows/executors/python-warm/weft_forkserver.py", line 245, in run_as_main
    exec(code, main.__dict__)
  File "/tmp/weft-steps/r/train/1/main.py", line 7, in <module>
    train(df)
  File "/tmp/weft-steps/r/train/1/main.py", line 4, in train
    raise ValueError(f"column 'label' is missing")
ValueError: column 'label' is missing
`;

describe('failureSummary', () => {
  it("names a python exception and the step's own line, not Weft's frames", () => {
    expect(failureSummary(FORKED, { exitCode: 1 })).toBe("ValueError: column 'label' is missing (line 4 of the step's code)");
  });

  it('takes the last of chained tracebacks, and an error raised inside a library keeps the user line that called it', () => {
    const chained = `${FORKED}\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File "/tmp/s/main.py", line 9, in <module>\n    pd.read_csv(p)\n  File "/venv/lib/pandas/io.py", line 100, in read_csv\n    raise FileNotFoundError(p)\n    ^^^^^^^^^^^^^^^^^^^^^^^^^^\nFileNotFoundError: data.csv\n`;
    expect(failureSummary(chained, { exitCode: 1 })).toBe("FileNotFoundError: data.csv (line 9 of the step's code)");
  });

  it('says how a process ended, with its last line, otherwise', () => {
    expect(failureSummary('make: *** [all] Error 2\n\n', { exitCode: 2 })).toBe('Exited with code 2: make: *** [all] Error 2');
    expect(failureSummary('', { exitCode: 1 })).toBe('Exited with code 1');
    expect(failureSummary('working', { exitCode: null, signal: 'SIGKILL' })).toBe('Killed by SIGKILL: working');
    expect(failureSummary('x'.repeat(1_000), { exitCode: 1 })).toHaveLength(300);
  });

  it("gives a library step's refusal of its input as its own message, without the exit code", () => {
    const log = 'rows: 150\nValidate data: column "age" is missing from the dataset\n';
    expect(failureSummary(log, { exitCode: 2 }, { library: true })).toBe('Validate data: column "age" is missing from the dataset');
    expect(failureSummary(log, { exitCode: 2 })).toBe('Exited with code 2: Validate data: column "age" is missing from the dataset');
  });
});
