"""Everything Qt, and only here: start-up, the main window, the parameter panel, the runner and
its worker thread, the pacing policy, the views (views/) and the window's words (messages)."""
