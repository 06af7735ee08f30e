"""The command line: the typer app (`app`), its commands (`commands/`) and what they share."""
