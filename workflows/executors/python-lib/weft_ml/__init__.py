"""Weft's ML step library: one module per node kind of the catalog's ML section
(workflows/dsl/ml-steps/ml-catalog.ts), run by the ``python_library`` executor as
``weft_ml.runner.run("<module>")`` inside an ordinary python step (warm fork, sandbox, tracking
environment). Each module has ``main(step)``; ``step`` (context.py) gives it its parsed config,
the run's parameters, its input ports' files and where to write its outputs.

Conventions: a module writes an output port ``p`` as ``p.parquet`` (datasets), ``p.pkl`` (models)
or ``p.json``/``p.html`` (metrics, reports), so a downstream module finds the file of the port its
input is wired to. Errors a user can fix raise ``StepError`` with one line that says what and where.
"""
