"""The one error type of the library: what was wrong with the input, in one line."""


class StepError(Exception):
    """Bad input (a missing column, a wrong type, an empty dataset): the step fails with this
    message alone, not a traceback, since the fix is in the data or the config, not the code."""


def torch_missing():
    """PyTorch is not in the default steps venv (several GB of CUDA libraries): where it comes from."""
    return StepError(
        "PyTorch is not installed in this step's Python: it comes from requirements/torch.txt, which a GPU pool's worker "
        "installs with WEFT_TORCH=on (or point WEFT_PYTHON at a venv that has it)"
    )
