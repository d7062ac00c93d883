"""Karpenter's `NodePool` and `EC2NodeClass` for one service in one environment, and
the scheduling that puts the service's pods on them (options: `karpenter.py`).

Both are cluster-scoped (no namespace), named `<service>-<environment>` so the
environments of a shared cluster never collide, and rendered into the environment's
folder ahead of the workload (sync waves -2 and -1: `gitops.SYNC_WAVES`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from cdk8s import ApiObjectMetadata, JsonPatch
from constructs import Construct

from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.values import check_instance
from cdk8s_webservice.kinds.scheduling import Scheduling, Toleration
from cdk8s_webservice.kinds.workload import Deployment
from cdk8s_webservice_crds.aws.k8s import karpenter as aws
from cdk8s_webservice_crds.sh import karpenter

from .karpenter import EC2_NODE_CLASS_GROUP, EC2NodeClassOptions, NodePoolOptions

# Karpenter's well-known node labels the requirements constrain.
CAPACITY_TYPE = "karpenter.sh/capacity-type"
INSTANCE_CATEGORY = "karpenter.k8s.aws/instance-category"
INSTANCE_GENERATION = "karpenter.k8s.aws/instance-generation"
ARCH = "kubernetes.io/arch"
OS = "kubernetes.io/os"
# The device Karpenter's AMI families boot from (Bottlerocket: its data volume).
_ROOT_DEVICE = {"al2023": "/dev/xvda", "al2": "/dev/xvda", "bottlerocket": "/dev/xvdb"}
_CONSOLIDATION = {
    "WhenEmpty": karpenter.NodePoolSpecDisruptionConsolidationPolicy.WHEN_EMPTY,
    "WhenEmptyOrUnderutilized": karpenter.NodePoolSpecDisruptionConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
}
_REASONS = {
    "Underutilized": karpenter.NodePoolSpecDisruptionBudgetsReasons.UNDERUTILIZED,
    "Empty": karpenter.NodePoolSpecDisruptionBudgetsReasons.EMPTY,
    "Drifted": karpenter.NodePoolSpecDisruptionBudgetsReasons.DRIFTED,
}
_IN = karpenter.NodePoolSpecTemplateSpecRequirementsOperator.IN


def _pointer(key: str) -> str:
    """`key` as one JSON Pointer segment (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")


class EC2NodeClass(Construct):
    """EC2NodeClass `<service>-<environment>` (karpenter.k8s.aws/v1): the nodes' IAM
    role, the pinned AMI alias, subnets and security groups found by the cluster's
    discovery tag, IMDSv2 required (hop limit 1: pods cannot reach the node's
    credentials) and an encrypted gp3 root volume.

    Escape hatch: `api_object`, the generated `Ec2NodeClass` binding.
    """

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, options: EC2NodeClassOptions) -> None:
        super().__init__(scope, id)
        self.name = identity.derived_name(identity.environment)
        discovery = {options.discovery_tag_key: options.cluster_name}
        ebs = aws.Ec2NodeClassSpecBlockDeviceMappingsEbs(
            volume_size=options.root_volume_size,
            volume_type=aws.Ec2NodeClassSpecBlockDeviceMappingsEbsVolumeType.GP3,
            encrypted=True,
            delete_on_termination=True,
            kms_key_id=options.kms_key_id,
        )
        self.api_object = aws.Ec2NodeClass(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=self.name),
            spec=aws.Ec2NodeClassSpec(
                role=options.role,
                ami_selector_terms=[aws.Ec2NodeClassSpecAmiSelectorTerms(alias=options.ami_alias)],
                subnet_selector_terms=[aws.Ec2NodeClassSpecSubnetSelectorTerms(tags=discovery)],
                security_group_selector_terms=[aws.Ec2NodeClassSpecSecurityGroupSelectorTerms(tags=discovery)],
                metadata_options=aws.Ec2NodeClassSpecMetadataOptions(
                    http_endpoint=aws.Ec2NodeClassSpecMetadataOptionsHttpEndpoint.ENABLED,
                    http_protocol_i_pv6=aws.Ec2NodeClassSpecMetadataOptionsHttpProtocolIPv6.DISABLED,
                    http_put_response_hop_limit=1,
                    http_tokens=aws.Ec2NodeClassSpecMetadataOptionsHttpTokens.REQUIRED,
                ),
                block_device_mappings=[
                    aws.Ec2NodeClassSpecBlockDeviceMappings(
                        device_name=_ROOT_DEVICE[options.ami_family], root_volume=True, ebs=ebs
                    )
                ],
                tags={"service": identity.name, "environment": identity.environment},
            ),
        )


class NodePool(Construct):
    """NodePool `<service>-<environment>` (karpenter.sh/v1) dedicated to the service:
    its nodes are labelled and tainted `<service>/dedicated=<environment>` (NoSchedule),
    launched from the EC2NodeClass of the same name within the options' capacity
    types, instance categories, generation and architectures (Linux), limited in total
    CPU and memory, consolidated and disrupted within the options' budgets.

    `schedule(deployment)` puts a Deployment's pods on the pool (node selector on the
    label, toleration of the taint); `scheduling(base)` gives the same as props, for a
    Deployment not yet made. Escape hatch: `api_object`, the generated
    `NodePool` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        options: NodePoolOptions,
        node_class: EC2NodeClass,
    ) -> None:
        super().__init__(scope, id)
        self.name = identity.derived_name(identity.environment)
        self.label_key = options.dedicated_label(identity.name)
        self.label_value = identity.environment
        self.labels = {self.label_key: self.label_value}
        """The labels of the pool's nodes that the workload selects."""
        self.taints = [{"key": self.label_key, "value": self.label_value, "effect": "NoSchedule"}]
        """The taints of the pool's nodes that the workload tolerates."""
        requirements = [
            (ARCH, list(options.architectures)),
            (OS, ["linux"]),
            (CAPACITY_TYPE, list(options.capacity_types)),
            (INSTANCE_CATEGORY, list(options.instance_categories)),
        ]
        self.api_object = karpenter.NodePool(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=self.name),
            spec=karpenter.NodePoolSpec(
                template=karpenter.NodePoolSpecTemplate(
                    metadata=karpenter.NodePoolSpecTemplateMetadata(labels=self.labels),
                    spec=karpenter.NodePoolSpecTemplateSpec(
                        node_class_ref=karpenter.NodePoolSpecTemplateSpecNodeClassRef(
                            group=EC2_NODE_CLASS_GROUP, kind="EC2NodeClass", name=node_class.name
                        ),
                        requirements=[
                            *(
                                karpenter.NodePoolSpecTemplateSpecRequirements(key=key, operator=_IN, values=values)
                                for key, values in requirements
                            ),
                            karpenter.NodePoolSpecTemplateSpecRequirements(
                                key=INSTANCE_GENERATION,
                                operator=karpenter.NodePoolSpecTemplateSpecRequirementsOperator.GT,
                                values=[str(options.min_instance_generation - 1)],
                            ),
                        ],
                        taints=[
                            karpenter.NodePoolSpecTemplateSpecTaints(
                                key=self.label_key,
                                value=self.label_value,
                                effect=karpenter.NodePoolSpecTemplateSpecTaintsEffect.NO_SCHEDULE,
                            )
                        ],
                        expire_after=options.expire_after,
                    ),
                ),
                limits={
                    "cpu": karpenter.NodePoolSpecLimits.from_string(options.cpu_limit),
                    "memory": karpenter.NodePoolSpecLimits.from_string(options.memory_limit),
                },
                disruption=karpenter.NodePoolSpecDisruption(
                    consolidation_policy=_CONSOLIDATION[options.consolidation_policy],
                    consolidate_after=options.consolidate_after,
                    budgets=[
                        karpenter.NodePoolSpecDisruptionBudgets(
                            nodes=budget.nodes,
                            reasons=[_REASONS[reason] for reason in budget.reasons] or None,
                            schedule=budget.schedule,
                            duration=budget.duration,
                        )
                        for budget in options.budgets
                    ],
                ),
                weight=options.weight,
            ),
        )

    def scheduling(self, base: Scheduling) -> Scheduling:
        """`base` with the pool's labels selected and its taints tolerated: what
        `schedule` does, for a Deployment not yet made (its props)."""
        check_instance("node_pool.scheduling base", base, Scheduling)
        return dataclasses.replace(
            base,
            node_selector={**base.node_selector, **self.labels},
            tolerations=(
                *base.tolerations,
                *(
                    Toleration(key=t["key"], operator="Equal", value=t["value"], effect=t["effect"])
                    for t in self.taints
                ),
            ),
        )

    def schedule(self, deployment: Deployment) -> None:
        """Select the pool's labels and tolerate its taints in `deployment`'s pod
        template, keeping any node selector and tolerations it already has."""
        api = deployment.api_object
        pod: dict[str, Any] = api.to_json()["spec"]["template"]["spec"]
        base = "/spec/template/spec"
        if "nodeSelector" in pod:
            for key, value in self.labels.items():
                api.add_json_patch(JsonPatch.add(f"{base}/nodeSelector/{_pointer(key)}", value))
        else:
            api.add_json_patch(JsonPatch.add(f"{base}/nodeSelector", dict(self.labels)))
        tolerations = [{"operator": "Equal", **taint} for taint in self.taints]
        if "tolerations" in pod:
            for toleration in tolerations:
                api.add_json_patch(JsonPatch.add(f"{base}/tolerations/-", toleration))
        else:
            api.add_json_patch(JsonPatch.add(f"{base}/tolerations", tolerations))
