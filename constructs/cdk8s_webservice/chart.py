"""The chart of one service in one environment."""

from __future__ import annotations

from cdk8s import Chart
from constructs import Construct

from .profile import EnvironmentProfile


class EnvironmentChart(Chart):
    """A cdk8s Chart that knows which environment it renders.

    The output writer puts its objects under `<outdir>/<profile.name>/`. `labels`
    are added to the metadata of every object in the chart.
    """

    def __init__(
        self, scope: Construct, id: str, *, profile: EnvironmentProfile, labels: dict[str, str] | None = None
    ) -> None:
        super().__init__(scope, id, labels=labels)
        self.profile = profile
