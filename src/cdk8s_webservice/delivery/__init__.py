"""How a release reaches users: the strategy values (rolling, blue-green, canary) and Flagger's Canary."""

from cdk8s_webservice.core.deprecation import moved_module_attributes

# Before 0.7.0 this path was a module (now strategy.py); its names still read, with a warning.
__getattr__ = moved_module_attributes(__name__, "cdk8s_webservice.delivery.strategy", since="0.7.0")
