"""Benchmarks for boilerstrip: dataset readers, metrics, peer adapters, an interleaved runner, reports.

Run ``python -m benchmarks --help``. Uses only boilerstrip's public face (``boilerstrip.extract``).
"""
