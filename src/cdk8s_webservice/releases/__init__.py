"""The releases file: which image each environment runs, and its history."""

from cdk8s_webservice.core.deprecation import moved_module_attributes

# Before 0.7.0 this path was a module (now file.py); its names still read, with a warning.
__getattr__ = moved_module_attributes(__name__, "cdk8s_webservice.releases.file", since="0.7.0")
