"""Spiral GUI: watch a two-layer network learn the CS231n spiral.

This module holds only the version so that importing the package stays free of Qt.
"""

__version__ = "0.1.0"
