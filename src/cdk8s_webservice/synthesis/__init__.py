"""Synthesis and output: the project of every environment, rendering, diff, and dist/ written atomically."""
