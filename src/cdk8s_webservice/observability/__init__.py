"""What Prometheus and Grafana read: SLOs, PromQL, alerts, dashboards, scraping and the custom-metrics adapter."""

from cdk8s_webservice.core.deprecation import moved_module_attributes

# Before 0.7.0 this path was a module (now scraping.py); its names still read, with a warning.
__getattr__ = moved_module_attributes(__name__, "cdk8s_webservice.observability.scraping", since="0.7.0")
