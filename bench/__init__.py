"""Benchmark of the app against the bare libraries (see bench/run.py)."""
