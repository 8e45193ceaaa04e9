"""The one error type of the library: what was wrong with the input, in one line."""


class StepError(Exception):
    """Bad input (a missing column, a wrong type, an empty dataset): the step fails with this
    message alone, not a traceback, since the fix is in the data or the config, not the code."""
