"""Language resources of the Arabic text layer (character classes, clitics, word counts)."""
