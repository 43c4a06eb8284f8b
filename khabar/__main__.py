"""``python -m khabar`` runs the command line."""

import sys

from khabar.cli import main

sys.exit(main())
