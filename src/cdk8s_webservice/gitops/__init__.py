"""What Argo CD and Helm read: Applications, the ApplicationSet, the AppProject, clusters and Helm values."""
