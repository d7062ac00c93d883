"""The blacklist service's charts: the library's constructs composed per environment."""
