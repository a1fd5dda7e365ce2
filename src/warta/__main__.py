"""`python -m warta` runs the CLI."""

from warta.cli import main

main()
