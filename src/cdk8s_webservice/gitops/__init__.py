"""What Argo CD and Helm read: Applications, the ApplicationSet, the AppProject, clusters and Helm values."""

from cdk8s_webservice.core.deprecation import moved_module_attributes

# Before 0.7.0 this path was a module (now applications.py); its names still read, with a warning.
__getattr__ = moved_module_attributes(
    __name__, "cdk8s_webservice.gitops.applications", "cdk8s_webservice.gitops.sync_waves", since="0.7.0"
)
