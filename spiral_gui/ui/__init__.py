"""Everything Qt: the main window, the parameter panel and the plot views."""
