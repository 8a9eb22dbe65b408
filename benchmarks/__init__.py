"""Benchmarks and synthetic corpora for measuring the pipeline at scale (not shipped with the package)."""
