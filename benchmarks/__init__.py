"""The benchmarks (`make bench`): a package, so that mypy names `benchmarks/scale.py` as the
tests import it (`benchmarks.scale`)."""
