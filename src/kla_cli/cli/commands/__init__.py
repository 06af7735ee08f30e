"""The commands of `kla`, one module each: parse the options, call the core, render, exit.

Unlike the rest of kla, these modules (and `cli/app.py`, whose `_main` takes the global options)
do not use `from __future__ import annotations`: typer reads a command's parameters from its
annotations on every run, and string annotations it evaluates twice (`inspect.signature` and
`typing.get_type_hints`, each compiling every string), which took 11 ms of `kla gap`'s start-up
and 8 ms of `kla score`'s; written as objects they are built once, at import, and typer reads
them in 1-2 ms. `tests/cli/test_startup.py` checks that every command's annotations are objects.
"""
