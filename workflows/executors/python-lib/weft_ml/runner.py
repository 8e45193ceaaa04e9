"""Entry point of a library step: ``run("<module>")`` is the whole code the executor gives the
python step (workflows/executors/python-library.ts)."""

import importlib
import sys

from .context import Step
from .errors import StepError


def run(module):
    """Runs ``weft_ml.<module>.main`` with the step's context. A StepError ends the process with
    its message as the last line of the log (what the run shows as the step's error); anything
    else is a bug and keeps its traceback."""
    target = importlib.import_module("weft_ml." + module)
    step = Step.from_environment(getattr(target, "TITLE", module))
    try:
        target.main(step)
    except StepError as error:
        # what was logged before the failure (a validation report) is the evidence of why
        step.tracking.flush()
        sys.stdout.flush()
        sys.stderr.write("%s: %s\n" % (step.title, error))
        sys.stderr.flush()
        raise SystemExit(2) from None
    step.tracking.flush()
