"""The values, names and errors every layer uses, and small helpers (bounded YAML, processes, cache files).

Nothing here builds a construct or imports a layer above it."""
