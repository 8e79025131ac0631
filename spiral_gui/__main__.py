"""python -m spiral_gui: the window."""

import sys

from .ui.app import main

sys.exit(main())
