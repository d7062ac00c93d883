"""Package discovery that pyproject.toml cannot express: the generated CRD
bindings in imports/ are namespace packages whose paths depend on each CRD's
API group, so they are found at build time rather than listed by hand."""

from setuptools import find_namespace_packages, find_packages, setup

BINDINGS = "cdk8s_webservice_crds"

setup(
    packages=find_packages("src") + [BINDINGS] + [f"{BINDINGS}.{name}" for name in find_namespace_packages("imports")],
)
