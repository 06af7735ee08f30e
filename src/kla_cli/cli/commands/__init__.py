"""The commands of `kla`, one module each: parse the options, call the core, render, exit."""
