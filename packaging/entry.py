"""Entry script of the packaged app (PyInstaller needs a script, not a console_scripts entry)."""

from spiral_gui.ui.app import main

raise SystemExit(main())
