"""Benchmarks: ``python -m benchmarks [--sizes 10k,100k,1m]`` prints a markdown table."""
