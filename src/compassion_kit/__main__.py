"""`python -m compassion_kit` is the same as the `kit` command."""

from compassion_kit.cli import main

main()
