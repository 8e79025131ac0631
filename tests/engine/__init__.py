"""Engine tests: pure NumPy, no Qt. A package so that file names may repeat those in tests/ui."""
