"""Benchmarks for Explainers: a synthetic newsroom and the builds timed against it.

python -m bench --help
"""
