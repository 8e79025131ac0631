"""Qt aborts without a display unless told to draw offscreen: set that before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
