from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class Schedule(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="orgchaos-mesh.Schedule",
):
    '''
    :schema: Schedule
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["ScheduleSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Schedule" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: 
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__18dc72024c41abddad326d3bb06c4dac7dfa5dfd126e65fa77d9299ae5dbf366)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ScheduleProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["ScheduleSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Schedule".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: 
        :param metadata: 
        '''
        props = ScheduleProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Schedule".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class ScheduleProps:
    def __init__(
        self,
        *,
        spec: typing.Union["ScheduleSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param spec: 
        :param metadata: 

        :schema: Schedule
        '''
        if isinstance(spec, dict):
            spec = ScheduleSpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e58e3e7cb356308c82d2e321b7b52e694e9089490674481f4f630178fa799e8c)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "ScheduleSpec":
        '''
        :schema: Schedule#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("ScheduleSpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: Schedule#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpec",
    jsii_struct_bases=[],
    name_mapping={
        "schedule": "schedule",
        "type": "type",
        "concurrency_policy": "concurrencyPolicy",
        "history_limit": "historyLimit",
        "network_chaos": "networkChaos",
        "pod_chaos": "podChaos",
        "starting_deadline_seconds": "startingDeadlineSeconds",
        "stress_chaos": "stressChaos",
    },
)
class ScheduleSpec:
    def __init__(
        self,
        *,
        schedule: builtins.str,
        type: builtins.str,
        concurrency_policy: typing.Optional["ScheduleSpecConcurrencyPolicy"] = None,
        history_limit: typing.Optional[jsii.Number] = None,
        network_chaos: typing.Optional[typing.Union["ScheduleSpecNetworkChaos", typing.Dict[builtins.str, typing.Any]]] = None,
        pod_chaos: typing.Optional[typing.Union["ScheduleSpecPodChaos", typing.Dict[builtins.str, typing.Any]]] = None,
        starting_deadline_seconds: typing.Optional[jsii.Number] = None,
        stress_chaos: typing.Optional[typing.Union["ScheduleSpecStressChaos", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param schedule: 
        :param type: 
        :param concurrency_policy: 
        :param history_limit: 
        :param network_chaos: 
        :param pod_chaos: 
        :param starting_deadline_seconds: 
        :param stress_chaos: 

        :schema: ScheduleSpec
        '''
        if isinstance(network_chaos, dict):
            network_chaos = ScheduleSpecNetworkChaos(**network_chaos)
        if isinstance(pod_chaos, dict):
            pod_chaos = ScheduleSpecPodChaos(**pod_chaos)
        if isinstance(stress_chaos, dict):
            stress_chaos = ScheduleSpecStressChaos(**stress_chaos)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8a6fc02b60530d617fee5780e5b53098523367171516913982aea09a12b08285)
            check_type(argname="argument schedule", value=schedule, expected_type=type_hints["schedule"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
            check_type(argname="argument concurrency_policy", value=concurrency_policy, expected_type=type_hints["concurrency_policy"])
            check_type(argname="argument history_limit", value=history_limit, expected_type=type_hints["history_limit"])
            check_type(argname="argument network_chaos", value=network_chaos, expected_type=type_hints["network_chaos"])
            check_type(argname="argument pod_chaos", value=pod_chaos, expected_type=type_hints["pod_chaos"])
            check_type(argname="argument starting_deadline_seconds", value=starting_deadline_seconds, expected_type=type_hints["starting_deadline_seconds"])
            check_type(argname="argument stress_chaos", value=stress_chaos, expected_type=type_hints["stress_chaos"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "schedule": schedule,
            "type": type,
        }
        if concurrency_policy is not None:
            self._values["concurrency_policy"] = concurrency_policy
        if history_limit is not None:
            self._values["history_limit"] = history_limit
        if network_chaos is not None:
            self._values["network_chaos"] = network_chaos
        if pod_chaos is not None:
            self._values["pod_chaos"] = pod_chaos
        if starting_deadline_seconds is not None:
            self._values["starting_deadline_seconds"] = starting_deadline_seconds
        if stress_chaos is not None:
            self._values["stress_chaos"] = stress_chaos

    @builtins.property
    def schedule(self) -> builtins.str:
        '''
        :schema: ScheduleSpec#schedule
        '''
        result = self._values.get("schedule")
        assert result is not None, "Required property 'schedule' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def type(self) -> builtins.str:
        '''
        :schema: ScheduleSpec#type
        '''
        result = self._values.get("type")
        assert result is not None, "Required property 'type' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def concurrency_policy(self) -> typing.Optional["ScheduleSpecConcurrencyPolicy"]:
        '''
        :schema: ScheduleSpec#concurrencyPolicy
        '''
        result = self._values.get("concurrency_policy")
        return typing.cast(typing.Optional["ScheduleSpecConcurrencyPolicy"], result)

    @builtins.property
    def history_limit(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpec#historyLimit
        '''
        result = self._values.get("history_limit")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def network_chaos(self) -> typing.Optional["ScheduleSpecNetworkChaos"]:
        '''
        :schema: ScheduleSpec#networkChaos
        '''
        result = self._values.get("network_chaos")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaos"], result)

    @builtins.property
    def pod_chaos(self) -> typing.Optional["ScheduleSpecPodChaos"]:
        '''
        :schema: ScheduleSpec#podChaos
        '''
        result = self._values.get("pod_chaos")
        return typing.cast(typing.Optional["ScheduleSpecPodChaos"], result)

    @builtins.property
    def starting_deadline_seconds(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpec#startingDeadlineSeconds
        '''
        result = self._values.get("starting_deadline_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def stress_chaos(self) -> typing.Optional["ScheduleSpecStressChaos"]:
        '''
        :schema: ScheduleSpec#stressChaos
        '''
        result = self._values.get("stress_chaos")
        return typing.cast(typing.Optional["ScheduleSpecStressChaos"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecConcurrencyPolicy")
class ScheduleSpecConcurrencyPolicy(enum.Enum):
    '''
    :schema: ScheduleSpecConcurrencyPolicy
    '''

    FORBID = "FORBID"
    '''Forbid.'''
    ALLOW = "ALLOW"
    '''Allow.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaos",
    jsii_struct_bases=[],
    name_mapping={
        "action": "action",
        "mode": "mode",
        "selector": "selector",
        "bandwidth": "bandwidth",
        "corrupt": "corrupt",
        "delay": "delay",
        "device": "device",
        "direction": "direction",
        "duplicate": "duplicate",
        "duration": "duration",
        "external_targets": "externalTargets",
        "loss": "loss",
        "rate": "rate",
        "remote_cluster": "remoteCluster",
        "target": "target",
        "target_device": "targetDevice",
        "value": "value",
    },
)
class ScheduleSpecNetworkChaos:
    def __init__(
        self,
        *,
        action: "ScheduleSpecNetworkChaosAction",
        mode: "ScheduleSpecNetworkChaosMode",
        selector: typing.Union["ScheduleSpecNetworkChaosSelector", typing.Dict[builtins.str, typing.Any]],
        bandwidth: typing.Optional[typing.Union["ScheduleSpecNetworkChaosBandwidth", typing.Dict[builtins.str, typing.Any]]] = None,
        corrupt: typing.Optional[typing.Union["ScheduleSpecNetworkChaosCorrupt", typing.Dict[builtins.str, typing.Any]]] = None,
        delay: typing.Optional[typing.Union["ScheduleSpecNetworkChaosDelay", typing.Dict[builtins.str, typing.Any]]] = None,
        device: typing.Optional[builtins.str] = None,
        direction: typing.Optional["ScheduleSpecNetworkChaosDirection"] = None,
        duplicate: typing.Optional[typing.Union["ScheduleSpecNetworkChaosDuplicate", typing.Dict[builtins.str, typing.Any]]] = None,
        duration: typing.Optional[builtins.str] = None,
        external_targets: typing.Optional[typing.Sequence[builtins.str]] = None,
        loss: typing.Optional[typing.Union["ScheduleSpecNetworkChaosLoss", typing.Dict[builtins.str, typing.Any]]] = None,
        rate: typing.Optional[typing.Union["ScheduleSpecNetworkChaosRate", typing.Dict[builtins.str, typing.Any]]] = None,
        remote_cluster: typing.Optional[builtins.str] = None,
        target: typing.Optional[typing.Union["ScheduleSpecNetworkChaosTarget", typing.Dict[builtins.str, typing.Any]]] = None,
        target_device: typing.Optional[builtins.str] = None,
        value: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param action: 
        :param mode: 
        :param selector: 
        :param bandwidth: 
        :param corrupt: 
        :param delay: 
        :param device: 
        :param direction: 
        :param duplicate: 
        :param duration: 
        :param external_targets: 
        :param loss: 
        :param rate: 
        :param remote_cluster: 
        :param target: 
        :param target_device: 
        :param value: 

        :schema: ScheduleSpecNetworkChaos
        '''
        if isinstance(selector, dict):
            selector = ScheduleSpecNetworkChaosSelector(**selector)
        if isinstance(bandwidth, dict):
            bandwidth = ScheduleSpecNetworkChaosBandwidth(**bandwidth)
        if isinstance(corrupt, dict):
            corrupt = ScheduleSpecNetworkChaosCorrupt(**corrupt)
        if isinstance(delay, dict):
            delay = ScheduleSpecNetworkChaosDelay(**delay)
        if isinstance(duplicate, dict):
            duplicate = ScheduleSpecNetworkChaosDuplicate(**duplicate)
        if isinstance(loss, dict):
            loss = ScheduleSpecNetworkChaosLoss(**loss)
        if isinstance(rate, dict):
            rate = ScheduleSpecNetworkChaosRate(**rate)
        if isinstance(target, dict):
            target = ScheduleSpecNetworkChaosTarget(**target)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0dbfbed7daab679b28e0c7aee355eace90077a3423c815acf3b960468b0b31cf)
            check_type(argname="argument action", value=action, expected_type=type_hints["action"])
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument selector", value=selector, expected_type=type_hints["selector"])
            check_type(argname="argument bandwidth", value=bandwidth, expected_type=type_hints["bandwidth"])
            check_type(argname="argument corrupt", value=corrupt, expected_type=type_hints["corrupt"])
            check_type(argname="argument delay", value=delay, expected_type=type_hints["delay"])
            check_type(argname="argument device", value=device, expected_type=type_hints["device"])
            check_type(argname="argument direction", value=direction, expected_type=type_hints["direction"])
            check_type(argname="argument duplicate", value=duplicate, expected_type=type_hints["duplicate"])
            check_type(argname="argument duration", value=duration, expected_type=type_hints["duration"])
            check_type(argname="argument external_targets", value=external_targets, expected_type=type_hints["external_targets"])
            check_type(argname="argument loss", value=loss, expected_type=type_hints["loss"])
            check_type(argname="argument rate", value=rate, expected_type=type_hints["rate"])
            check_type(argname="argument remote_cluster", value=remote_cluster, expected_type=type_hints["remote_cluster"])
            check_type(argname="argument target", value=target, expected_type=type_hints["target"])
            check_type(argname="argument target_device", value=target_device, expected_type=type_hints["target_device"])
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "action": action,
            "mode": mode,
            "selector": selector,
        }
        if bandwidth is not None:
            self._values["bandwidth"] = bandwidth
        if corrupt is not None:
            self._values["corrupt"] = corrupt
        if delay is not None:
            self._values["delay"] = delay
        if device is not None:
            self._values["device"] = device
        if direction is not None:
            self._values["direction"] = direction
        if duplicate is not None:
            self._values["duplicate"] = duplicate
        if duration is not None:
            self._values["duration"] = duration
        if external_targets is not None:
            self._values["external_targets"] = external_targets
        if loss is not None:
            self._values["loss"] = loss
        if rate is not None:
            self._values["rate"] = rate
        if remote_cluster is not None:
            self._values["remote_cluster"] = remote_cluster
        if target is not None:
            self._values["target"] = target
        if target_device is not None:
            self._values["target_device"] = target_device
        if value is not None:
            self._values["value"] = value

    @builtins.property
    def action(self) -> "ScheduleSpecNetworkChaosAction":
        '''
        :schema: ScheduleSpecNetworkChaos#action
        '''
        result = self._values.get("action")
        assert result is not None, "Required property 'action' is missing"
        return typing.cast("ScheduleSpecNetworkChaosAction", result)

    @builtins.property
    def mode(self) -> "ScheduleSpecNetworkChaosMode":
        '''
        :schema: ScheduleSpecNetworkChaos#mode
        '''
        result = self._values.get("mode")
        assert result is not None, "Required property 'mode' is missing"
        return typing.cast("ScheduleSpecNetworkChaosMode", result)

    @builtins.property
    def selector(self) -> "ScheduleSpecNetworkChaosSelector":
        '''
        :schema: ScheduleSpecNetworkChaos#selector
        '''
        result = self._values.get("selector")
        assert result is not None, "Required property 'selector' is missing"
        return typing.cast("ScheduleSpecNetworkChaosSelector", result)

    @builtins.property
    def bandwidth(self) -> typing.Optional["ScheduleSpecNetworkChaosBandwidth"]:
        '''
        :schema: ScheduleSpecNetworkChaos#bandwidth
        '''
        result = self._values.get("bandwidth")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosBandwidth"], result)

    @builtins.property
    def corrupt(self) -> typing.Optional["ScheduleSpecNetworkChaosCorrupt"]:
        '''
        :schema: ScheduleSpecNetworkChaos#corrupt
        '''
        result = self._values.get("corrupt")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosCorrupt"], result)

    @builtins.property
    def delay(self) -> typing.Optional["ScheduleSpecNetworkChaosDelay"]:
        '''
        :schema: ScheduleSpecNetworkChaos#delay
        '''
        result = self._values.get("delay")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosDelay"], result)

    @builtins.property
    def device(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaos#device
        '''
        result = self._values.get("device")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def direction(self) -> typing.Optional["ScheduleSpecNetworkChaosDirection"]:
        '''
        :schema: ScheduleSpecNetworkChaos#direction
        '''
        result = self._values.get("direction")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosDirection"], result)

    @builtins.property
    def duplicate(self) -> typing.Optional["ScheduleSpecNetworkChaosDuplicate"]:
        '''
        :schema: ScheduleSpecNetworkChaos#duplicate
        '''
        result = self._values.get("duplicate")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosDuplicate"], result)

    @builtins.property
    def duration(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaos#duration
        '''
        result = self._values.get("duration")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def external_targets(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaos#externalTargets
        '''
        result = self._values.get("external_targets")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def loss(self) -> typing.Optional["ScheduleSpecNetworkChaosLoss"]:
        '''
        :schema: ScheduleSpecNetworkChaos#loss
        '''
        result = self._values.get("loss")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosLoss"], result)

    @builtins.property
    def rate(self) -> typing.Optional["ScheduleSpecNetworkChaosRate"]:
        '''
        :schema: ScheduleSpecNetworkChaos#rate
        '''
        result = self._values.get("rate")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosRate"], result)

    @builtins.property
    def remote_cluster(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaos#remoteCluster
        '''
        result = self._values.get("remote_cluster")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def target(self) -> typing.Optional["ScheduleSpecNetworkChaosTarget"]:
        '''
        :schema: ScheduleSpecNetworkChaos#target
        '''
        result = self._values.get("target")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosTarget"], result)

    @builtins.property
    def target_device(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaos#targetDevice
        '''
        result = self._values.get("target_device")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def value(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaos#value
        '''
        result = self._values.get("value")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaos(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosAction")
class ScheduleSpecNetworkChaosAction(enum.Enum):
    '''
    :schema: ScheduleSpecNetworkChaosAction
    '''

    NETEM = "NETEM"
    '''netem.'''
    DELAY = "DELAY"
    '''delay.'''
    LOSS = "LOSS"
    '''loss.'''
    DUPLICATE = "DUPLICATE"
    '''duplicate.'''
    CORRUPT = "CORRUPT"
    '''corrupt.'''
    PARTITION = "PARTITION"
    '''partition.'''
    BANDWIDTH = "BANDWIDTH"
    '''bandwidth.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosBandwidth",
    jsii_struct_bases=[],
    name_mapping={
        "buffer": "buffer",
        "limit": "limit",
        "rate": "rate",
        "minburst": "minburst",
        "peakrate": "peakrate",
    },
)
class ScheduleSpecNetworkChaosBandwidth:
    def __init__(
        self,
        *,
        buffer: jsii.Number,
        limit: jsii.Number,
        rate: builtins.str,
        minburst: typing.Optional[jsii.Number] = None,
        peakrate: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''
        :param buffer: 
        :param limit: 
        :param rate: 
        :param minburst: 
        :param peakrate: 

        :schema: ScheduleSpecNetworkChaosBandwidth
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b1707b4c85cbb46035449e29694307d72bdc31b7c5cf23948ca3a41f56ab619a)
            check_type(argname="argument buffer", value=buffer, expected_type=type_hints["buffer"])
            check_type(argname="argument limit", value=limit, expected_type=type_hints["limit"])
            check_type(argname="argument rate", value=rate, expected_type=type_hints["rate"])
            check_type(argname="argument minburst", value=minburst, expected_type=type_hints["minburst"])
            check_type(argname="argument peakrate", value=peakrate, expected_type=type_hints["peakrate"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "buffer": buffer,
            "limit": limit,
            "rate": rate,
        }
        if minburst is not None:
            self._values["minburst"] = minburst
        if peakrate is not None:
            self._values["peakrate"] = peakrate

    @builtins.property
    def buffer(self) -> jsii.Number:
        '''
        :schema: ScheduleSpecNetworkChaosBandwidth#buffer
        '''
        result = self._values.get("buffer")
        assert result is not None, "Required property 'buffer' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def limit(self) -> jsii.Number:
        '''
        :schema: ScheduleSpecNetworkChaosBandwidth#limit
        '''
        result = self._values.get("limit")
        assert result is not None, "Required property 'limit' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def rate(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosBandwidth#rate
        '''
        result = self._values.get("rate")
        assert result is not None, "Required property 'rate' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def minburst(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpecNetworkChaosBandwidth#minburst
        '''
        result = self._values.get("minburst")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def peakrate(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpecNetworkChaosBandwidth#peakrate
        '''
        result = self._values.get("peakrate")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosBandwidth(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosCorrupt",
    jsii_struct_bases=[],
    name_mapping={"corrupt": "corrupt", "correlation": "correlation"},
)
class ScheduleSpecNetworkChaosCorrupt:
    def __init__(
        self,
        *,
        corrupt: builtins.str,
        correlation: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param corrupt: 
        :param correlation: 

        :schema: ScheduleSpecNetworkChaosCorrupt
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__967ce22d9262b72ec86e653f3b5cff82c739ffad8a9b570eec00ccdae4c8a4e5)
            check_type(argname="argument corrupt", value=corrupt, expected_type=type_hints["corrupt"])
            check_type(argname="argument correlation", value=correlation, expected_type=type_hints["correlation"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "corrupt": corrupt,
        }
        if correlation is not None:
            self._values["correlation"] = correlation

    @builtins.property
    def corrupt(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosCorrupt#corrupt
        '''
        result = self._values.get("corrupt")
        assert result is not None, "Required property 'corrupt' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def correlation(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosCorrupt#correlation
        '''
        result = self._values.get("correlation")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosCorrupt(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosDelay",
    jsii_struct_bases=[],
    name_mapping={
        "latency": "latency",
        "correlation": "correlation",
        "jitter": "jitter",
        "reorder": "reorder",
    },
)
class ScheduleSpecNetworkChaosDelay:
    def __init__(
        self,
        *,
        latency: builtins.str,
        correlation: typing.Optional[builtins.str] = None,
        jitter: typing.Optional[builtins.str] = None,
        reorder: typing.Optional[typing.Union["ScheduleSpecNetworkChaosDelayReorder", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param latency: 
        :param correlation: 
        :param jitter: 
        :param reorder: 

        :schema: ScheduleSpecNetworkChaosDelay
        '''
        if isinstance(reorder, dict):
            reorder = ScheduleSpecNetworkChaosDelayReorder(**reorder)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6af88239ad3f1e0dc7c52c72806399db569e646ef7cc9dec648382e31b485734)
            check_type(argname="argument latency", value=latency, expected_type=type_hints["latency"])
            check_type(argname="argument correlation", value=correlation, expected_type=type_hints["correlation"])
            check_type(argname="argument jitter", value=jitter, expected_type=type_hints["jitter"])
            check_type(argname="argument reorder", value=reorder, expected_type=type_hints["reorder"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "latency": latency,
        }
        if correlation is not None:
            self._values["correlation"] = correlation
        if jitter is not None:
            self._values["jitter"] = jitter
        if reorder is not None:
            self._values["reorder"] = reorder

    @builtins.property
    def latency(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosDelay#latency
        '''
        result = self._values.get("latency")
        assert result is not None, "Required property 'latency' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def correlation(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosDelay#correlation
        '''
        result = self._values.get("correlation")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def jitter(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosDelay#jitter
        '''
        result = self._values.get("jitter")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def reorder(self) -> typing.Optional["ScheduleSpecNetworkChaosDelayReorder"]:
        '''
        :schema: ScheduleSpecNetworkChaosDelay#reorder
        '''
        result = self._values.get("reorder")
        return typing.cast(typing.Optional["ScheduleSpecNetworkChaosDelayReorder"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosDelay(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosDelayReorder",
    jsii_struct_bases=[],
    name_mapping={"gap": "gap", "reorder": "reorder", "correlation": "correlation"},
)
class ScheduleSpecNetworkChaosDelayReorder:
    def __init__(
        self,
        *,
        gap: jsii.Number,
        reorder: builtins.str,
        correlation: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param gap: 
        :param reorder: 
        :param correlation: 

        :schema: ScheduleSpecNetworkChaosDelayReorder
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__67448eb6a0e997d2296b32820948d70db43bd1063d3de0159de35ac03ea29634)
            check_type(argname="argument gap", value=gap, expected_type=type_hints["gap"])
            check_type(argname="argument reorder", value=reorder, expected_type=type_hints["reorder"])
            check_type(argname="argument correlation", value=correlation, expected_type=type_hints["correlation"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "gap": gap,
            "reorder": reorder,
        }
        if correlation is not None:
            self._values["correlation"] = correlation

    @builtins.property
    def gap(self) -> jsii.Number:
        '''
        :schema: ScheduleSpecNetworkChaosDelayReorder#gap
        '''
        result = self._values.get("gap")
        assert result is not None, "Required property 'gap' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def reorder(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosDelayReorder#reorder
        '''
        result = self._values.get("reorder")
        assert result is not None, "Required property 'reorder' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def correlation(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosDelayReorder#correlation
        '''
        result = self._values.get("correlation")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosDelayReorder(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosDirection")
class ScheduleSpecNetworkChaosDirection(enum.Enum):
    '''
    :schema: ScheduleSpecNetworkChaosDirection
    '''

    TO = "TO"
    '''to.'''
    FROM = "FROM"
    '''from.'''
    BOTH = "BOTH"
    '''both.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosDuplicate",
    jsii_struct_bases=[],
    name_mapping={"duplicate": "duplicate", "correlation": "correlation"},
)
class ScheduleSpecNetworkChaosDuplicate:
    def __init__(
        self,
        *,
        duplicate: builtins.str,
        correlation: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param duplicate: 
        :param correlation: 

        :schema: ScheduleSpecNetworkChaosDuplicate
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a5222cfd24aea66cab46561e27bff6ff66eed61fe50eb4af42df28e6cdfd3abc)
            check_type(argname="argument duplicate", value=duplicate, expected_type=type_hints["duplicate"])
            check_type(argname="argument correlation", value=correlation, expected_type=type_hints["correlation"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "duplicate": duplicate,
        }
        if correlation is not None:
            self._values["correlation"] = correlation

    @builtins.property
    def duplicate(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosDuplicate#duplicate
        '''
        result = self._values.get("duplicate")
        assert result is not None, "Required property 'duplicate' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def correlation(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosDuplicate#correlation
        '''
        result = self._values.get("correlation")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosDuplicate(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosLoss",
    jsii_struct_bases=[],
    name_mapping={"loss": "loss", "correlation": "correlation"},
)
class ScheduleSpecNetworkChaosLoss:
    def __init__(
        self,
        *,
        loss: builtins.str,
        correlation: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param loss: 
        :param correlation: 

        :schema: ScheduleSpecNetworkChaosLoss
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0dfff07afb9e41e450a67579a709ca4eb500d149128bee81cca211bc6c2866ba)
            check_type(argname="argument loss", value=loss, expected_type=type_hints["loss"])
            check_type(argname="argument correlation", value=correlation, expected_type=type_hints["correlation"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "loss": loss,
        }
        if correlation is not None:
            self._values["correlation"] = correlation

    @builtins.property
    def loss(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosLoss#loss
        '''
        result = self._values.get("loss")
        assert result is not None, "Required property 'loss' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def correlation(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosLoss#correlation
        '''
        result = self._values.get("correlation")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosLoss(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosMode")
class ScheduleSpecNetworkChaosMode(enum.Enum):
    '''
    :schema: ScheduleSpecNetworkChaosMode
    '''

    ONE = "ONE"
    '''one.'''
    ALL = "ALL"
    '''all.'''
    FIXED = "FIXED"
    '''fixed.'''
    FIXED_HYPHEN_PERCENT = "FIXED_HYPHEN_PERCENT"
    '''fixed-percent.'''
    RANDOM_HYPHEN_MAX_HYPHEN_PERCENT = "RANDOM_HYPHEN_MAX_HYPHEN_PERCENT"
    '''random-max-percent.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosRate",
    jsii_struct_bases=[],
    name_mapping={"rate": "rate"},
)
class ScheduleSpecNetworkChaosRate:
    def __init__(self, *, rate: builtins.str) -> None:
        '''
        :param rate: 

        :schema: ScheduleSpecNetworkChaosRate
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fc7668c2cdfbd0c6abe45c047be7ab71b8935a1522cccc25c9f3099ded3bec89)
            check_type(argname="argument rate", value=rate, expected_type=type_hints["rate"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "rate": rate,
        }

    @builtins.property
    def rate(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosRate#rate
        '''
        result = self._values.get("rate")
        assert result is not None, "Required property 'rate' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosRate(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosSelector",
    jsii_struct_bases=[],
    name_mapping={
        "annotation_selectors": "annotationSelectors",
        "expression_selectors": "expressionSelectors",
        "field_selectors": "fieldSelectors",
        "label_selectors": "labelSelectors",
        "namespaces": "namespaces",
        "nodes": "nodes",
        "node_selectors": "nodeSelectors",
        "pod_phase_selectors": "podPhaseSelectors",
        "pods": "pods",
    },
)
class ScheduleSpecNetworkChaosSelector:
    def __init__(
        self,
        *,
        annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        expression_selectors: typing.Optional[typing.Sequence[typing.Union["ScheduleSpecNetworkChaosSelectorExpressionSelectors", typing.Dict[builtins.str, typing.Any]]]] = None,
        field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
        nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
        node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
        pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
    ) -> None:
        '''
        :param annotation_selectors: 
        :param expression_selectors: 
        :param field_selectors: 
        :param label_selectors: 
        :param namespaces: 
        :param nodes: 
        :param node_selectors: 
        :param pod_phase_selectors: 
        :param pods: 

        :schema: ScheduleSpecNetworkChaosSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__97068b8895b66a4047e3ce214920adc619ac6bcaaf0a2ee70bcf703095369bf0)
            check_type(argname="argument annotation_selectors", value=annotation_selectors, expected_type=type_hints["annotation_selectors"])
            check_type(argname="argument expression_selectors", value=expression_selectors, expected_type=type_hints["expression_selectors"])
            check_type(argname="argument field_selectors", value=field_selectors, expected_type=type_hints["field_selectors"])
            check_type(argname="argument label_selectors", value=label_selectors, expected_type=type_hints["label_selectors"])
            check_type(argname="argument namespaces", value=namespaces, expected_type=type_hints["namespaces"])
            check_type(argname="argument nodes", value=nodes, expected_type=type_hints["nodes"])
            check_type(argname="argument node_selectors", value=node_selectors, expected_type=type_hints["node_selectors"])
            check_type(argname="argument pod_phase_selectors", value=pod_phase_selectors, expected_type=type_hints["pod_phase_selectors"])
            check_type(argname="argument pods", value=pods, expected_type=type_hints["pods"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotation_selectors is not None:
            self._values["annotation_selectors"] = annotation_selectors
        if expression_selectors is not None:
            self._values["expression_selectors"] = expression_selectors
        if field_selectors is not None:
            self._values["field_selectors"] = field_selectors
        if label_selectors is not None:
            self._values["label_selectors"] = label_selectors
        if namespaces is not None:
            self._values["namespaces"] = namespaces
        if nodes is not None:
            self._values["nodes"] = nodes
        if node_selectors is not None:
            self._values["node_selectors"] = node_selectors
        if pod_phase_selectors is not None:
            self._values["pod_phase_selectors"] = pod_phase_selectors
        if pods is not None:
            self._values["pods"] = pods

    @builtins.property
    def annotation_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#annotationSelectors
        '''
        result = self._values.get("annotation_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def expression_selectors(
        self,
    ) -> typing.Optional[typing.List["ScheduleSpecNetworkChaosSelectorExpressionSelectors"]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#expressionSelectors
        '''
        result = self._values.get("expression_selectors")
        return typing.cast(typing.Optional[typing.List["ScheduleSpecNetworkChaosSelectorExpressionSelectors"]], result)

    @builtins.property
    def field_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#fieldSelectors
        '''
        result = self._values.get("field_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def label_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#labelSelectors
        '''
        result = self._values.get("label_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def namespaces(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#namespaces
        '''
        result = self._values.get("namespaces")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def nodes(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#nodes
        '''
        result = self._values.get("nodes")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def node_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#nodeSelectors
        '''
        result = self._values.get("node_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def pod_phase_selectors(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#podPhaseSelectors
        '''
        result = self._values.get("pod_phase_selectors")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def pods(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelector#pods
        '''
        result = self._values.get("pods")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosSelectorExpressionSelectors",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class ScheduleSpecNetworkChaosSelectorExpressionSelectors:
    def __init__(
        self,
        *,
        key: builtins.str,
        operator: builtins.str,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param key: 
        :param operator: 
        :param values: 

        :schema: ScheduleSpecNetworkChaosSelectorExpressionSelectors
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fae9280e44774b414a2fc7da7d242ef7faff45689eba979f105a89d7c2c734f0)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument operator", value=operator, expected_type=type_hints["operator"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "operator": operator,
        }
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def key(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosSelectorExpressionSelectors#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosSelectorExpressionSelectors#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosSelectorExpressionSelectors#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosSelectorExpressionSelectors(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosTarget",
    jsii_struct_bases=[],
    name_mapping={"mode": "mode", "selector": "selector", "value": "value"},
)
class ScheduleSpecNetworkChaosTarget:
    def __init__(
        self,
        *,
        mode: "ScheduleSpecNetworkChaosTargetMode",
        selector: typing.Union["ScheduleSpecNetworkChaosTargetSelector", typing.Dict[builtins.str, typing.Any]],
        value: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param mode: 
        :param selector: 
        :param value: 

        :schema: ScheduleSpecNetworkChaosTarget
        '''
        if isinstance(selector, dict):
            selector = ScheduleSpecNetworkChaosTargetSelector(**selector)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__72e375dc413016c63a4d11c2ed2901f1907ec9ee1562e8921a7963186667ebcf)
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument selector", value=selector, expected_type=type_hints["selector"])
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "mode": mode,
            "selector": selector,
        }
        if value is not None:
            self._values["value"] = value

    @builtins.property
    def mode(self) -> "ScheduleSpecNetworkChaosTargetMode":
        '''
        :schema: ScheduleSpecNetworkChaosTarget#mode
        '''
        result = self._values.get("mode")
        assert result is not None, "Required property 'mode' is missing"
        return typing.cast("ScheduleSpecNetworkChaosTargetMode", result)

    @builtins.property
    def selector(self) -> "ScheduleSpecNetworkChaosTargetSelector":
        '''
        :schema: ScheduleSpecNetworkChaosTarget#selector
        '''
        result = self._values.get("selector")
        assert result is not None, "Required property 'selector' is missing"
        return typing.cast("ScheduleSpecNetworkChaosTargetSelector", result)

    @builtins.property
    def value(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecNetworkChaosTarget#value
        '''
        result = self._values.get("value")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosTarget(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosTargetMode")
class ScheduleSpecNetworkChaosTargetMode(enum.Enum):
    '''
    :schema: ScheduleSpecNetworkChaosTargetMode
    '''

    ONE = "ONE"
    '''one.'''
    ALL = "ALL"
    '''all.'''
    FIXED = "FIXED"
    '''fixed.'''
    FIXED_HYPHEN_PERCENT = "FIXED_HYPHEN_PERCENT"
    '''fixed-percent.'''
    RANDOM_HYPHEN_MAX_HYPHEN_PERCENT = "RANDOM_HYPHEN_MAX_HYPHEN_PERCENT"
    '''random-max-percent.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosTargetSelector",
    jsii_struct_bases=[],
    name_mapping={
        "annotation_selectors": "annotationSelectors",
        "expression_selectors": "expressionSelectors",
        "field_selectors": "fieldSelectors",
        "label_selectors": "labelSelectors",
        "namespaces": "namespaces",
        "nodes": "nodes",
        "node_selectors": "nodeSelectors",
        "pod_phase_selectors": "podPhaseSelectors",
        "pods": "pods",
    },
)
class ScheduleSpecNetworkChaosTargetSelector:
    def __init__(
        self,
        *,
        annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        expression_selectors: typing.Optional[typing.Sequence[typing.Union["ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors", typing.Dict[builtins.str, typing.Any]]]] = None,
        field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
        nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
        node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
        pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
    ) -> None:
        '''
        :param annotation_selectors: 
        :param expression_selectors: 
        :param field_selectors: 
        :param label_selectors: 
        :param namespaces: 
        :param nodes: 
        :param node_selectors: 
        :param pod_phase_selectors: 
        :param pods: 

        :schema: ScheduleSpecNetworkChaosTargetSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3cf6ebff4e8a31d78f89432a3f51748f108dc07e77261f0466d7f570bb348852)
            check_type(argname="argument annotation_selectors", value=annotation_selectors, expected_type=type_hints["annotation_selectors"])
            check_type(argname="argument expression_selectors", value=expression_selectors, expected_type=type_hints["expression_selectors"])
            check_type(argname="argument field_selectors", value=field_selectors, expected_type=type_hints["field_selectors"])
            check_type(argname="argument label_selectors", value=label_selectors, expected_type=type_hints["label_selectors"])
            check_type(argname="argument namespaces", value=namespaces, expected_type=type_hints["namespaces"])
            check_type(argname="argument nodes", value=nodes, expected_type=type_hints["nodes"])
            check_type(argname="argument node_selectors", value=node_selectors, expected_type=type_hints["node_selectors"])
            check_type(argname="argument pod_phase_selectors", value=pod_phase_selectors, expected_type=type_hints["pod_phase_selectors"])
            check_type(argname="argument pods", value=pods, expected_type=type_hints["pods"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotation_selectors is not None:
            self._values["annotation_selectors"] = annotation_selectors
        if expression_selectors is not None:
            self._values["expression_selectors"] = expression_selectors
        if field_selectors is not None:
            self._values["field_selectors"] = field_selectors
        if label_selectors is not None:
            self._values["label_selectors"] = label_selectors
        if namespaces is not None:
            self._values["namespaces"] = namespaces
        if nodes is not None:
            self._values["nodes"] = nodes
        if node_selectors is not None:
            self._values["node_selectors"] = node_selectors
        if pod_phase_selectors is not None:
            self._values["pod_phase_selectors"] = pod_phase_selectors
        if pods is not None:
            self._values["pods"] = pods

    @builtins.property
    def annotation_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#annotationSelectors
        '''
        result = self._values.get("annotation_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def expression_selectors(
        self,
    ) -> typing.Optional[typing.List["ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors"]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#expressionSelectors
        '''
        result = self._values.get("expression_selectors")
        return typing.cast(typing.Optional[typing.List["ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors"]], result)

    @builtins.property
    def field_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#fieldSelectors
        '''
        result = self._values.get("field_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def label_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#labelSelectors
        '''
        result = self._values.get("label_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def namespaces(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#namespaces
        '''
        result = self._values.get("namespaces")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def nodes(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#nodes
        '''
        result = self._values.get("nodes")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def node_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#nodeSelectors
        '''
        result = self._values.get("node_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def pod_phase_selectors(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#podPhaseSelectors
        '''
        result = self._values.get("pod_phase_selectors")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def pods(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelector#pods
        '''
        result = self._values.get("pods")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosTargetSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors:
    def __init__(
        self,
        *,
        key: builtins.str,
        operator: builtins.str,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param key: 
        :param operator: 
        :param values: 

        :schema: ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__aa3f80d495ce21db7d68b64ad2471887a5a66c385c585bee5a0f9fd46bbb580d)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument operator", value=operator, expected_type=type_hints["operator"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "operator": operator,
        }
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def key(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecPodChaos",
    jsii_struct_bases=[],
    name_mapping={
        "action": "action",
        "mode": "mode",
        "selector": "selector",
        "container_names": "containerNames",
        "duration": "duration",
        "grace_period": "gracePeriod",
        "remote_cluster": "remoteCluster",
        "value": "value",
    },
)
class ScheduleSpecPodChaos:
    def __init__(
        self,
        *,
        action: "ScheduleSpecPodChaosAction",
        mode: "ScheduleSpecPodChaosMode",
        selector: typing.Union["ScheduleSpecPodChaosSelector", typing.Dict[builtins.str, typing.Any]],
        container_names: typing.Optional[typing.Sequence[builtins.str]] = None,
        duration: typing.Optional[builtins.str] = None,
        grace_period: typing.Optional[jsii.Number] = None,
        remote_cluster: typing.Optional[builtins.str] = None,
        value: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param action: 
        :param mode: 
        :param selector: 
        :param container_names: 
        :param duration: 
        :param grace_period: 
        :param remote_cluster: 
        :param value: 

        :schema: ScheduleSpecPodChaos
        '''
        if isinstance(selector, dict):
            selector = ScheduleSpecPodChaosSelector(**selector)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__52e03dd6277c794bf93bb541d01ca7650ffb5ce417210359ddd9edb521ae1994)
            check_type(argname="argument action", value=action, expected_type=type_hints["action"])
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument selector", value=selector, expected_type=type_hints["selector"])
            check_type(argname="argument container_names", value=container_names, expected_type=type_hints["container_names"])
            check_type(argname="argument duration", value=duration, expected_type=type_hints["duration"])
            check_type(argname="argument grace_period", value=grace_period, expected_type=type_hints["grace_period"])
            check_type(argname="argument remote_cluster", value=remote_cluster, expected_type=type_hints["remote_cluster"])
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "action": action,
            "mode": mode,
            "selector": selector,
        }
        if container_names is not None:
            self._values["container_names"] = container_names
        if duration is not None:
            self._values["duration"] = duration
        if grace_period is not None:
            self._values["grace_period"] = grace_period
        if remote_cluster is not None:
            self._values["remote_cluster"] = remote_cluster
        if value is not None:
            self._values["value"] = value

    @builtins.property
    def action(self) -> "ScheduleSpecPodChaosAction":
        '''
        :schema: ScheduleSpecPodChaos#action
        '''
        result = self._values.get("action")
        assert result is not None, "Required property 'action' is missing"
        return typing.cast("ScheduleSpecPodChaosAction", result)

    @builtins.property
    def mode(self) -> "ScheduleSpecPodChaosMode":
        '''
        :schema: ScheduleSpecPodChaos#mode
        '''
        result = self._values.get("mode")
        assert result is not None, "Required property 'mode' is missing"
        return typing.cast("ScheduleSpecPodChaosMode", result)

    @builtins.property
    def selector(self) -> "ScheduleSpecPodChaosSelector":
        '''
        :schema: ScheduleSpecPodChaos#selector
        '''
        result = self._values.get("selector")
        assert result is not None, "Required property 'selector' is missing"
        return typing.cast("ScheduleSpecPodChaosSelector", result)

    @builtins.property
    def container_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaos#containerNames
        '''
        result = self._values.get("container_names")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def duration(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecPodChaos#duration
        '''
        result = self._values.get("duration")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def grace_period(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpecPodChaos#gracePeriod
        '''
        result = self._values.get("grace_period")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def remote_cluster(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecPodChaos#remoteCluster
        '''
        result = self._values.get("remote_cluster")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def value(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecPodChaos#value
        '''
        result = self._values.get("value")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecPodChaos(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecPodChaosAction")
class ScheduleSpecPodChaosAction(enum.Enum):
    '''
    :schema: ScheduleSpecPodChaosAction
    '''

    POD_HYPHEN_KILL = "POD_HYPHEN_KILL"
    '''pod-kill.'''
    POD_HYPHEN_FAILURE = "POD_HYPHEN_FAILURE"
    '''pod-failure.'''
    CONTAINER_HYPHEN_KILL = "CONTAINER_HYPHEN_KILL"
    '''container-kill.'''


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecPodChaosMode")
class ScheduleSpecPodChaosMode(enum.Enum):
    '''
    :schema: ScheduleSpecPodChaosMode
    '''

    ONE = "ONE"
    '''one.'''
    ALL = "ALL"
    '''all.'''
    FIXED = "FIXED"
    '''fixed.'''
    FIXED_HYPHEN_PERCENT = "FIXED_HYPHEN_PERCENT"
    '''fixed-percent.'''
    RANDOM_HYPHEN_MAX_HYPHEN_PERCENT = "RANDOM_HYPHEN_MAX_HYPHEN_PERCENT"
    '''random-max-percent.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecPodChaosSelector",
    jsii_struct_bases=[],
    name_mapping={
        "annotation_selectors": "annotationSelectors",
        "expression_selectors": "expressionSelectors",
        "field_selectors": "fieldSelectors",
        "label_selectors": "labelSelectors",
        "namespaces": "namespaces",
        "nodes": "nodes",
        "node_selectors": "nodeSelectors",
        "pod_phase_selectors": "podPhaseSelectors",
        "pods": "pods",
    },
)
class ScheduleSpecPodChaosSelector:
    def __init__(
        self,
        *,
        annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        expression_selectors: typing.Optional[typing.Sequence[typing.Union["ScheduleSpecPodChaosSelectorExpressionSelectors", typing.Dict[builtins.str, typing.Any]]]] = None,
        field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
        nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
        node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
        pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
    ) -> None:
        '''
        :param annotation_selectors: 
        :param expression_selectors: 
        :param field_selectors: 
        :param label_selectors: 
        :param namespaces: 
        :param nodes: 
        :param node_selectors: 
        :param pod_phase_selectors: 
        :param pods: 

        :schema: ScheduleSpecPodChaosSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a0b257fe036b02cd085b7c7ea7a69b10fc44a72828ebecbbb3bafaa30c162967)
            check_type(argname="argument annotation_selectors", value=annotation_selectors, expected_type=type_hints["annotation_selectors"])
            check_type(argname="argument expression_selectors", value=expression_selectors, expected_type=type_hints["expression_selectors"])
            check_type(argname="argument field_selectors", value=field_selectors, expected_type=type_hints["field_selectors"])
            check_type(argname="argument label_selectors", value=label_selectors, expected_type=type_hints["label_selectors"])
            check_type(argname="argument namespaces", value=namespaces, expected_type=type_hints["namespaces"])
            check_type(argname="argument nodes", value=nodes, expected_type=type_hints["nodes"])
            check_type(argname="argument node_selectors", value=node_selectors, expected_type=type_hints["node_selectors"])
            check_type(argname="argument pod_phase_selectors", value=pod_phase_selectors, expected_type=type_hints["pod_phase_selectors"])
            check_type(argname="argument pods", value=pods, expected_type=type_hints["pods"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotation_selectors is not None:
            self._values["annotation_selectors"] = annotation_selectors
        if expression_selectors is not None:
            self._values["expression_selectors"] = expression_selectors
        if field_selectors is not None:
            self._values["field_selectors"] = field_selectors
        if label_selectors is not None:
            self._values["label_selectors"] = label_selectors
        if namespaces is not None:
            self._values["namespaces"] = namespaces
        if nodes is not None:
            self._values["nodes"] = nodes
        if node_selectors is not None:
            self._values["node_selectors"] = node_selectors
        if pod_phase_selectors is not None:
            self._values["pod_phase_selectors"] = pod_phase_selectors
        if pods is not None:
            self._values["pods"] = pods

    @builtins.property
    def annotation_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#annotationSelectors
        '''
        result = self._values.get("annotation_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def expression_selectors(
        self,
    ) -> typing.Optional[typing.List["ScheduleSpecPodChaosSelectorExpressionSelectors"]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#expressionSelectors
        '''
        result = self._values.get("expression_selectors")
        return typing.cast(typing.Optional[typing.List["ScheduleSpecPodChaosSelectorExpressionSelectors"]], result)

    @builtins.property
    def field_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#fieldSelectors
        '''
        result = self._values.get("field_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def label_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#labelSelectors
        '''
        result = self._values.get("label_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def namespaces(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#namespaces
        '''
        result = self._values.get("namespaces")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def nodes(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#nodes
        '''
        result = self._values.get("nodes")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def node_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#nodeSelectors
        '''
        result = self._values.get("node_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def pod_phase_selectors(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#podPhaseSelectors
        '''
        result = self._values.get("pod_phase_selectors")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def pods(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]]:
        '''
        :schema: ScheduleSpecPodChaosSelector#pods
        '''
        result = self._values.get("pods")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecPodChaosSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecPodChaosSelectorExpressionSelectors",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class ScheduleSpecPodChaosSelectorExpressionSelectors:
    def __init__(
        self,
        *,
        key: builtins.str,
        operator: builtins.str,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param key: 
        :param operator: 
        :param values: 

        :schema: ScheduleSpecPodChaosSelectorExpressionSelectors
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__49cc33203790664d0d032b28aaac6677704d62466f0d8dbce92ffbea5170dbe0)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument operator", value=operator, expected_type=type_hints["operator"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "operator": operator,
        }
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def key(self) -> builtins.str:
        '''
        :schema: ScheduleSpecPodChaosSelectorExpressionSelectors#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''
        :schema: ScheduleSpecPodChaosSelectorExpressionSelectors#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecPodChaosSelectorExpressionSelectors#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecPodChaosSelectorExpressionSelectors(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecStressChaos",
    jsii_struct_bases=[],
    name_mapping={
        "mode": "mode",
        "selector": "selector",
        "container_names": "containerNames",
        "duration": "duration",
        "remote_cluster": "remoteCluster",
        "stressng_stressors": "stressngStressors",
        "stressors": "stressors",
        "value": "value",
    },
)
class ScheduleSpecStressChaos:
    def __init__(
        self,
        *,
        mode: "ScheduleSpecStressChaosMode",
        selector: typing.Union["ScheduleSpecStressChaosSelector", typing.Dict[builtins.str, typing.Any]],
        container_names: typing.Optional[typing.Sequence[builtins.str]] = None,
        duration: typing.Optional[builtins.str] = None,
        remote_cluster: typing.Optional[builtins.str] = None,
        stressng_stressors: typing.Optional[builtins.str] = None,
        stressors: typing.Optional[typing.Union["ScheduleSpecStressChaosStressors", typing.Dict[builtins.str, typing.Any]]] = None,
        value: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param mode: 
        :param selector: 
        :param container_names: 
        :param duration: 
        :param remote_cluster: 
        :param stressng_stressors: 
        :param stressors: 
        :param value: 

        :schema: ScheduleSpecStressChaos
        '''
        if isinstance(selector, dict):
            selector = ScheduleSpecStressChaosSelector(**selector)
        if isinstance(stressors, dict):
            stressors = ScheduleSpecStressChaosStressors(**stressors)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8360af8587b1bb145dba1c51f76a5dcfa9c99e41b7efb2d0b60eb5d11211841b)
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument selector", value=selector, expected_type=type_hints["selector"])
            check_type(argname="argument container_names", value=container_names, expected_type=type_hints["container_names"])
            check_type(argname="argument duration", value=duration, expected_type=type_hints["duration"])
            check_type(argname="argument remote_cluster", value=remote_cluster, expected_type=type_hints["remote_cluster"])
            check_type(argname="argument stressng_stressors", value=stressng_stressors, expected_type=type_hints["stressng_stressors"])
            check_type(argname="argument stressors", value=stressors, expected_type=type_hints["stressors"])
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "mode": mode,
            "selector": selector,
        }
        if container_names is not None:
            self._values["container_names"] = container_names
        if duration is not None:
            self._values["duration"] = duration
        if remote_cluster is not None:
            self._values["remote_cluster"] = remote_cluster
        if stressng_stressors is not None:
            self._values["stressng_stressors"] = stressng_stressors
        if stressors is not None:
            self._values["stressors"] = stressors
        if value is not None:
            self._values["value"] = value

    @builtins.property
    def mode(self) -> "ScheduleSpecStressChaosMode":
        '''
        :schema: ScheduleSpecStressChaos#mode
        '''
        result = self._values.get("mode")
        assert result is not None, "Required property 'mode' is missing"
        return typing.cast("ScheduleSpecStressChaosMode", result)

    @builtins.property
    def selector(self) -> "ScheduleSpecStressChaosSelector":
        '''
        :schema: ScheduleSpecStressChaos#selector
        '''
        result = self._values.get("selector")
        assert result is not None, "Required property 'selector' is missing"
        return typing.cast("ScheduleSpecStressChaosSelector", result)

    @builtins.property
    def container_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaos#containerNames
        '''
        result = self._values.get("container_names")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def duration(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecStressChaos#duration
        '''
        result = self._values.get("duration")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def remote_cluster(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecStressChaos#remoteCluster
        '''
        result = self._values.get("remote_cluster")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def stressng_stressors(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecStressChaos#stressngStressors
        '''
        result = self._values.get("stressng_stressors")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def stressors(self) -> typing.Optional["ScheduleSpecStressChaosStressors"]:
        '''
        :schema: ScheduleSpecStressChaos#stressors
        '''
        result = self._values.get("stressors")
        return typing.cast(typing.Optional["ScheduleSpecStressChaosStressors"], result)

    @builtins.property
    def value(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecStressChaos#value
        '''
        result = self._values.get("value")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecStressChaos(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="orgchaos-mesh.ScheduleSpecStressChaosMode")
class ScheduleSpecStressChaosMode(enum.Enum):
    '''
    :schema: ScheduleSpecStressChaosMode
    '''

    ONE = "ONE"
    '''one.'''
    ALL = "ALL"
    '''all.'''
    FIXED = "FIXED"
    '''fixed.'''
    FIXED_HYPHEN_PERCENT = "FIXED_HYPHEN_PERCENT"
    '''fixed-percent.'''
    RANDOM_HYPHEN_MAX_HYPHEN_PERCENT = "RANDOM_HYPHEN_MAX_HYPHEN_PERCENT"
    '''random-max-percent.'''


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecStressChaosSelector",
    jsii_struct_bases=[],
    name_mapping={
        "annotation_selectors": "annotationSelectors",
        "expression_selectors": "expressionSelectors",
        "field_selectors": "fieldSelectors",
        "label_selectors": "labelSelectors",
        "namespaces": "namespaces",
        "nodes": "nodes",
        "node_selectors": "nodeSelectors",
        "pod_phase_selectors": "podPhaseSelectors",
        "pods": "pods",
    },
)
class ScheduleSpecStressChaosSelector:
    def __init__(
        self,
        *,
        annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        expression_selectors: typing.Optional[typing.Sequence[typing.Union["ScheduleSpecStressChaosSelectorExpressionSelectors", typing.Dict[builtins.str, typing.Any]]]] = None,
        field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
        nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
        node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
        pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
    ) -> None:
        '''
        :param annotation_selectors: 
        :param expression_selectors: 
        :param field_selectors: 
        :param label_selectors: 
        :param namespaces: 
        :param nodes: 
        :param node_selectors: 
        :param pod_phase_selectors: 
        :param pods: 

        :schema: ScheduleSpecStressChaosSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__dece40da9900b0b4cb0fe0961966aedcabf29b1b9150bb28c89710810e38f8f6)
            check_type(argname="argument annotation_selectors", value=annotation_selectors, expected_type=type_hints["annotation_selectors"])
            check_type(argname="argument expression_selectors", value=expression_selectors, expected_type=type_hints["expression_selectors"])
            check_type(argname="argument field_selectors", value=field_selectors, expected_type=type_hints["field_selectors"])
            check_type(argname="argument label_selectors", value=label_selectors, expected_type=type_hints["label_selectors"])
            check_type(argname="argument namespaces", value=namespaces, expected_type=type_hints["namespaces"])
            check_type(argname="argument nodes", value=nodes, expected_type=type_hints["nodes"])
            check_type(argname="argument node_selectors", value=node_selectors, expected_type=type_hints["node_selectors"])
            check_type(argname="argument pod_phase_selectors", value=pod_phase_selectors, expected_type=type_hints["pod_phase_selectors"])
            check_type(argname="argument pods", value=pods, expected_type=type_hints["pods"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotation_selectors is not None:
            self._values["annotation_selectors"] = annotation_selectors
        if expression_selectors is not None:
            self._values["expression_selectors"] = expression_selectors
        if field_selectors is not None:
            self._values["field_selectors"] = field_selectors
        if label_selectors is not None:
            self._values["label_selectors"] = label_selectors
        if namespaces is not None:
            self._values["namespaces"] = namespaces
        if nodes is not None:
            self._values["nodes"] = nodes
        if node_selectors is not None:
            self._values["node_selectors"] = node_selectors
        if pod_phase_selectors is not None:
            self._values["pod_phase_selectors"] = pod_phase_selectors
        if pods is not None:
            self._values["pods"] = pods

    @builtins.property
    def annotation_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#annotationSelectors
        '''
        result = self._values.get("annotation_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def expression_selectors(
        self,
    ) -> typing.Optional[typing.List["ScheduleSpecStressChaosSelectorExpressionSelectors"]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#expressionSelectors
        '''
        result = self._values.get("expression_selectors")
        return typing.cast(typing.Optional[typing.List["ScheduleSpecStressChaosSelectorExpressionSelectors"]], result)

    @builtins.property
    def field_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#fieldSelectors
        '''
        result = self._values.get("field_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def label_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#labelSelectors
        '''
        result = self._values.get("label_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def namespaces(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#namespaces
        '''
        result = self._values.get("namespaces")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def nodes(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#nodes
        '''
        result = self._values.get("nodes")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def node_selectors(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#nodeSelectors
        '''
        result = self._values.get("node_selectors")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def pod_phase_selectors(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#podPhaseSelectors
        '''
        result = self._values.get("pod_phase_selectors")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def pods(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]]:
        '''
        :schema: ScheduleSpecStressChaosSelector#pods
        '''
        result = self._values.get("pods")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, typing.List[builtins.str]]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecStressChaosSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecStressChaosSelectorExpressionSelectors",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class ScheduleSpecStressChaosSelectorExpressionSelectors:
    def __init__(
        self,
        *,
        key: builtins.str,
        operator: builtins.str,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param key: 
        :param operator: 
        :param values: 

        :schema: ScheduleSpecStressChaosSelectorExpressionSelectors
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__222b269f2bb51c2240000e097f78c116e50a475180a726817a3549bd5a23ac23)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument operator", value=operator, expected_type=type_hints["operator"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "operator": operator,
        }
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def key(self) -> builtins.str:
        '''
        :schema: ScheduleSpecStressChaosSelectorExpressionSelectors#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''
        :schema: ScheduleSpecStressChaosSelectorExpressionSelectors#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosSelectorExpressionSelectors#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecStressChaosSelectorExpressionSelectors(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecStressChaosStressors",
    jsii_struct_bases=[],
    name_mapping={"cpu": "cpu", "memory": "memory"},
)
class ScheduleSpecStressChaosStressors:
    def __init__(
        self,
        *,
        cpu: typing.Optional[typing.Union["ScheduleSpecStressChaosStressorsCpu", typing.Dict[builtins.str, typing.Any]]] = None,
        memory: typing.Optional[typing.Union["ScheduleSpecStressChaosStressorsMemory", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param cpu: 
        :param memory: 

        :schema: ScheduleSpecStressChaosStressors
        '''
        if isinstance(cpu, dict):
            cpu = ScheduleSpecStressChaosStressorsCpu(**cpu)
        if isinstance(memory, dict):
            memory = ScheduleSpecStressChaosStressorsMemory(**memory)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__515c84b2e6baf659b250a3352567804c4127a06a8cb9290bb39193c32cab8b84)
            check_type(argname="argument cpu", value=cpu, expected_type=type_hints["cpu"])
            check_type(argname="argument memory", value=memory, expected_type=type_hints["memory"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cpu is not None:
            self._values["cpu"] = cpu
        if memory is not None:
            self._values["memory"] = memory

    @builtins.property
    def cpu(self) -> typing.Optional["ScheduleSpecStressChaosStressorsCpu"]:
        '''
        :schema: ScheduleSpecStressChaosStressors#cpu
        '''
        result = self._values.get("cpu")
        return typing.cast(typing.Optional["ScheduleSpecStressChaosStressorsCpu"], result)

    @builtins.property
    def memory(self) -> typing.Optional["ScheduleSpecStressChaosStressorsMemory"]:
        '''
        :schema: ScheduleSpecStressChaosStressors#memory
        '''
        result = self._values.get("memory")
        return typing.cast(typing.Optional["ScheduleSpecStressChaosStressorsMemory"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecStressChaosStressors(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecStressChaosStressorsCpu",
    jsii_struct_bases=[],
    name_mapping={"workers": "workers", "load": "load", "options": "options"},
)
class ScheduleSpecStressChaosStressorsCpu:
    def __init__(
        self,
        *,
        workers: jsii.Number,
        load: typing.Optional[jsii.Number] = None,
        options: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param workers: 
        :param load: 
        :param options: 

        :schema: ScheduleSpecStressChaosStressorsCpu
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3f018e87507883119a9441d84ab738b85810deef8823b08e50ba97f77d1266d5)
            check_type(argname="argument workers", value=workers, expected_type=type_hints["workers"])
            check_type(argname="argument load", value=load, expected_type=type_hints["load"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "workers": workers,
        }
        if load is not None:
            self._values["load"] = load
        if options is not None:
            self._values["options"] = options

    @builtins.property
    def workers(self) -> jsii.Number:
        '''
        :schema: ScheduleSpecStressChaosStressorsCpu#workers
        '''
        result = self._values.get("workers")
        assert result is not None, "Required property 'workers' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def load(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpecStressChaosStressorsCpu#load
        '''
        result = self._values.get("load")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosStressorsCpu#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecStressChaosStressorsCpu(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="orgchaos-mesh.ScheduleSpecStressChaosStressorsMemory",
    jsii_struct_bases=[],
    name_mapping={
        "workers": "workers",
        "oom_score_adj": "oomScoreAdj",
        "options": "options",
        "size": "size",
    },
)
class ScheduleSpecStressChaosStressorsMemory:
    def __init__(
        self,
        *,
        workers: jsii.Number,
        oom_score_adj: typing.Optional[jsii.Number] = None,
        options: typing.Optional[typing.Sequence[builtins.str]] = None,
        size: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param workers: 
        :param oom_score_adj: 
        :param options: 
        :param size: 

        :schema: ScheduleSpecStressChaosStressorsMemory
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9cfa3417bbd4fd1776028c57e3b8529da1fcc60e3fdd12a91f2d3d38fe4d503e)
            check_type(argname="argument workers", value=workers, expected_type=type_hints["workers"])
            check_type(argname="argument oom_score_adj", value=oom_score_adj, expected_type=type_hints["oom_score_adj"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument size", value=size, expected_type=type_hints["size"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "workers": workers,
        }
        if oom_score_adj is not None:
            self._values["oom_score_adj"] = oom_score_adj
        if options is not None:
            self._values["options"] = options
        if size is not None:
            self._values["size"] = size

    @builtins.property
    def workers(self) -> jsii.Number:
        '''
        :schema: ScheduleSpecStressChaosStressorsMemory#workers
        '''
        result = self._values.get("workers")
        assert result is not None, "Required property 'workers' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def oom_score_adj(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ScheduleSpecStressChaosStressorsMemory#oomScoreAdj
        '''
        result = self._values.get("oom_score_adj")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ScheduleSpecStressChaosStressorsMemory#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def size(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ScheduleSpecStressChaosStressorsMemory#size
        '''
        result = self._values.get("size")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ScheduleSpecStressChaosStressorsMemory(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Schedule",
    "ScheduleProps",
    "ScheduleSpec",
    "ScheduleSpecConcurrencyPolicy",
    "ScheduleSpecNetworkChaos",
    "ScheduleSpecNetworkChaosAction",
    "ScheduleSpecNetworkChaosBandwidth",
    "ScheduleSpecNetworkChaosCorrupt",
    "ScheduleSpecNetworkChaosDelay",
    "ScheduleSpecNetworkChaosDelayReorder",
    "ScheduleSpecNetworkChaosDirection",
    "ScheduleSpecNetworkChaosDuplicate",
    "ScheduleSpecNetworkChaosLoss",
    "ScheduleSpecNetworkChaosMode",
    "ScheduleSpecNetworkChaosRate",
    "ScheduleSpecNetworkChaosSelector",
    "ScheduleSpecNetworkChaosSelectorExpressionSelectors",
    "ScheduleSpecNetworkChaosTarget",
    "ScheduleSpecNetworkChaosTargetMode",
    "ScheduleSpecNetworkChaosTargetSelector",
    "ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors",
    "ScheduleSpecPodChaos",
    "ScheduleSpecPodChaosAction",
    "ScheduleSpecPodChaosMode",
    "ScheduleSpecPodChaosSelector",
    "ScheduleSpecPodChaosSelectorExpressionSelectors",
    "ScheduleSpecStressChaos",
    "ScheduleSpecStressChaosMode",
    "ScheduleSpecStressChaosSelector",
    "ScheduleSpecStressChaosSelectorExpressionSelectors",
    "ScheduleSpecStressChaosStressors",
    "ScheduleSpecStressChaosStressorsCpu",
    "ScheduleSpecStressChaosStressorsMemory",
]

publication.publish()

def _typecheckingstub__18dc72024c41abddad326d3bb06c4dac7dfa5dfd126e65fa77d9299ae5dbf366(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[ScheduleSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e58e3e7cb356308c82d2e321b7b52e694e9089490674481f4f630178fa799e8c(
    *,
    spec: typing.Union[ScheduleSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8a6fc02b60530d617fee5780e5b53098523367171516913982aea09a12b08285(
    *,
    schedule: builtins.str,
    type: builtins.str,
    concurrency_policy: typing.Optional[ScheduleSpecConcurrencyPolicy] = None,
    history_limit: typing.Optional[jsii.Number] = None,
    network_chaos: typing.Optional[typing.Union[ScheduleSpecNetworkChaos, typing.Dict[builtins.str, typing.Any]]] = None,
    pod_chaos: typing.Optional[typing.Union[ScheduleSpecPodChaos, typing.Dict[builtins.str, typing.Any]]] = None,
    starting_deadline_seconds: typing.Optional[jsii.Number] = None,
    stress_chaos: typing.Optional[typing.Union[ScheduleSpecStressChaos, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0dbfbed7daab679b28e0c7aee355eace90077a3423c815acf3b960468b0b31cf(
    *,
    action: ScheduleSpecNetworkChaosAction,
    mode: ScheduleSpecNetworkChaosMode,
    selector: typing.Union[ScheduleSpecNetworkChaosSelector, typing.Dict[builtins.str, typing.Any]],
    bandwidth: typing.Optional[typing.Union[ScheduleSpecNetworkChaosBandwidth, typing.Dict[builtins.str, typing.Any]]] = None,
    corrupt: typing.Optional[typing.Union[ScheduleSpecNetworkChaosCorrupt, typing.Dict[builtins.str, typing.Any]]] = None,
    delay: typing.Optional[typing.Union[ScheduleSpecNetworkChaosDelay, typing.Dict[builtins.str, typing.Any]]] = None,
    device: typing.Optional[builtins.str] = None,
    direction: typing.Optional[ScheduleSpecNetworkChaosDirection] = None,
    duplicate: typing.Optional[typing.Union[ScheduleSpecNetworkChaosDuplicate, typing.Dict[builtins.str, typing.Any]]] = None,
    duration: typing.Optional[builtins.str] = None,
    external_targets: typing.Optional[typing.Sequence[builtins.str]] = None,
    loss: typing.Optional[typing.Union[ScheduleSpecNetworkChaosLoss, typing.Dict[builtins.str, typing.Any]]] = None,
    rate: typing.Optional[typing.Union[ScheduleSpecNetworkChaosRate, typing.Dict[builtins.str, typing.Any]]] = None,
    remote_cluster: typing.Optional[builtins.str] = None,
    target: typing.Optional[typing.Union[ScheduleSpecNetworkChaosTarget, typing.Dict[builtins.str, typing.Any]]] = None,
    target_device: typing.Optional[builtins.str] = None,
    value: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b1707b4c85cbb46035449e29694307d72bdc31b7c5cf23948ca3a41f56ab619a(
    *,
    buffer: jsii.Number,
    limit: jsii.Number,
    rate: builtins.str,
    minburst: typing.Optional[jsii.Number] = None,
    peakrate: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__967ce22d9262b72ec86e653f3b5cff82c739ffad8a9b570eec00ccdae4c8a4e5(
    *,
    corrupt: builtins.str,
    correlation: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6af88239ad3f1e0dc7c52c72806399db569e646ef7cc9dec648382e31b485734(
    *,
    latency: builtins.str,
    correlation: typing.Optional[builtins.str] = None,
    jitter: typing.Optional[builtins.str] = None,
    reorder: typing.Optional[typing.Union[ScheduleSpecNetworkChaosDelayReorder, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__67448eb6a0e997d2296b32820948d70db43bd1063d3de0159de35ac03ea29634(
    *,
    gap: jsii.Number,
    reorder: builtins.str,
    correlation: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a5222cfd24aea66cab46561e27bff6ff66eed61fe50eb4af42df28e6cdfd3abc(
    *,
    duplicate: builtins.str,
    correlation: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0dfff07afb9e41e450a67579a709ca4eb500d149128bee81cca211bc6c2866ba(
    *,
    loss: builtins.str,
    correlation: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fc7668c2cdfbd0c6abe45c047be7ab71b8935a1522cccc25c9f3099ded3bec89(
    *,
    rate: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__97068b8895b66a4047e3ce214920adc619ac6bcaaf0a2ee70bcf703095369bf0(
    *,
    annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    expression_selectors: typing.Optional[typing.Sequence[typing.Union[ScheduleSpecNetworkChaosSelectorExpressionSelectors, typing.Dict[builtins.str, typing.Any]]]] = None,
    field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
    nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
    node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
    pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fae9280e44774b414a2fc7da7d242ef7faff45689eba979f105a89d7c2c734f0(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__72e375dc413016c63a4d11c2ed2901f1907ec9ee1562e8921a7963186667ebcf(
    *,
    mode: ScheduleSpecNetworkChaosTargetMode,
    selector: typing.Union[ScheduleSpecNetworkChaosTargetSelector, typing.Dict[builtins.str, typing.Any]],
    value: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3cf6ebff4e8a31d78f89432a3f51748f108dc07e77261f0466d7f570bb348852(
    *,
    annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    expression_selectors: typing.Optional[typing.Sequence[typing.Union[ScheduleSpecNetworkChaosTargetSelectorExpressionSelectors, typing.Dict[builtins.str, typing.Any]]]] = None,
    field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
    nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
    node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
    pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__aa3f80d495ce21db7d68b64ad2471887a5a66c385c585bee5a0f9fd46bbb580d(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__52e03dd6277c794bf93bb541d01ca7650ffb5ce417210359ddd9edb521ae1994(
    *,
    action: ScheduleSpecPodChaosAction,
    mode: ScheduleSpecPodChaosMode,
    selector: typing.Union[ScheduleSpecPodChaosSelector, typing.Dict[builtins.str, typing.Any]],
    container_names: typing.Optional[typing.Sequence[builtins.str]] = None,
    duration: typing.Optional[builtins.str] = None,
    grace_period: typing.Optional[jsii.Number] = None,
    remote_cluster: typing.Optional[builtins.str] = None,
    value: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a0b257fe036b02cd085b7c7ea7a69b10fc44a72828ebecbbb3bafaa30c162967(
    *,
    annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    expression_selectors: typing.Optional[typing.Sequence[typing.Union[ScheduleSpecPodChaosSelectorExpressionSelectors, typing.Dict[builtins.str, typing.Any]]]] = None,
    field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
    nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
    node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
    pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__49cc33203790664d0d032b28aaac6677704d62466f0d8dbce92ffbea5170dbe0(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8360af8587b1bb145dba1c51f76a5dcfa9c99e41b7efb2d0b60eb5d11211841b(
    *,
    mode: ScheduleSpecStressChaosMode,
    selector: typing.Union[ScheduleSpecStressChaosSelector, typing.Dict[builtins.str, typing.Any]],
    container_names: typing.Optional[typing.Sequence[builtins.str]] = None,
    duration: typing.Optional[builtins.str] = None,
    remote_cluster: typing.Optional[builtins.str] = None,
    stressng_stressors: typing.Optional[builtins.str] = None,
    stressors: typing.Optional[typing.Union[ScheduleSpecStressChaosStressors, typing.Dict[builtins.str, typing.Any]]] = None,
    value: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__dece40da9900b0b4cb0fe0961966aedcabf29b1b9150bb28c89710810e38f8f6(
    *,
    annotation_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    expression_selectors: typing.Optional[typing.Sequence[typing.Union[ScheduleSpecStressChaosSelectorExpressionSelectors, typing.Dict[builtins.str, typing.Any]]]] = None,
    field_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    label_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    namespaces: typing.Optional[typing.Sequence[builtins.str]] = None,
    nodes: typing.Optional[typing.Sequence[builtins.str]] = None,
    node_selectors: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    pod_phase_selectors: typing.Optional[typing.Sequence[builtins.str]] = None,
    pods: typing.Optional[typing.Mapping[builtins.str, typing.Sequence[builtins.str]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__222b269f2bb51c2240000e097f78c116e50a475180a726817a3549bd5a23ac23(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__515c84b2e6baf659b250a3352567804c4127a06a8cb9290bb39193c32cab8b84(
    *,
    cpu: typing.Optional[typing.Union[ScheduleSpecStressChaosStressorsCpu, typing.Dict[builtins.str, typing.Any]]] = None,
    memory: typing.Optional[typing.Union[ScheduleSpecStressChaosStressorsMemory, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3f018e87507883119a9441d84ab738b85810deef8823b08e50ba97f77d1266d5(
    *,
    workers: jsii.Number,
    load: typing.Optional[jsii.Number] = None,
    options: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9cfa3417bbd4fd1776028c57e3b8529da1fcc60e3fdd12a91f2d3d38fe4d503e(
    *,
    workers: jsii.Number,
    oom_score_adj: typing.Optional[jsii.Number] = None,
    options: typing.Optional[typing.Sequence[builtins.str]] = None,
    size: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
