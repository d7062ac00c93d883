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


class Canary(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="appflagger.Canary",
):
    '''Canary is the Schema for the Canary API.

    :schema: Canary
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["CanarySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Canary" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: 
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__64302fdd18a7aa8c4df94fcdc22b8a2273b2d43113d356c64585c8e741fc2ed0)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = CanaryProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["CanarySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Canary".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: 
        :param metadata: 
        '''
        props = CanaryProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Canary".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="appflagger.CanaryProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class CanaryProps:
    def __init__(
        self,
        *,
        spec: typing.Union["CanarySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Canary is the Schema for the Canary API.

        :param spec: 
        :param metadata: 

        :schema: Canary
        '''
        if isinstance(spec, dict):
            spec = CanarySpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fa06d00c5f3c032d0dc079cc6d320819978a36ecce8f75395cb4ce07c0280882)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "CanarySpec":
        '''
        :schema: Canary#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("CanarySpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: Canary#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanaryProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpec",
    jsii_struct_bases=[],
    name_mapping={
        "analysis": "analysis",
        "service": "service",
        "target_ref": "targetRef",
        "autoscaler_ref": "autoscalerRef",
        "ingress_ref": "ingressRef",
        "progress_deadline_seconds": "progressDeadlineSeconds",
        "provider": "provider",
        "skip_analysis": "skipAnalysis",
    },
)
class CanarySpec:
    def __init__(
        self,
        *,
        analysis: typing.Union["CanarySpecAnalysis", typing.Dict[builtins.str, typing.Any]],
        service: typing.Union["CanarySpecService", typing.Dict[builtins.str, typing.Any]],
        target_ref: typing.Union["CanarySpecTargetRef", typing.Dict[builtins.str, typing.Any]],
        autoscaler_ref: typing.Optional[typing.Union["CanarySpecAutoscalerRef", typing.Dict[builtins.str, typing.Any]]] = None,
        ingress_ref: typing.Optional[typing.Union["CanarySpecIngressRef", typing.Dict[builtins.str, typing.Any]]] = None,
        progress_deadline_seconds: typing.Optional[jsii.Number] = None,
        provider: typing.Optional[builtins.str] = None,
        skip_analysis: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param analysis: 
        :param service: 
        :param target_ref: 
        :param autoscaler_ref: 
        :param ingress_ref: 
        :param progress_deadline_seconds: 
        :param provider: Traffic routing provider (nginx, kubernetes, istio, ...).
        :param skip_analysis: 

        :schema: CanarySpec
        '''
        if isinstance(analysis, dict):
            analysis = CanarySpecAnalysis(**analysis)
        if isinstance(service, dict):
            service = CanarySpecService(**service)
        if isinstance(target_ref, dict):
            target_ref = CanarySpecTargetRef(**target_ref)
        if isinstance(autoscaler_ref, dict):
            autoscaler_ref = CanarySpecAutoscalerRef(**autoscaler_ref)
        if isinstance(ingress_ref, dict):
            ingress_ref = CanarySpecIngressRef(**ingress_ref)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__df27c885497653adb019ef194e7a8f7d60482693eebfc3cc1ea45a05e793f9b9)
            check_type(argname="argument analysis", value=analysis, expected_type=type_hints["analysis"])
            check_type(argname="argument service", value=service, expected_type=type_hints["service"])
            check_type(argname="argument target_ref", value=target_ref, expected_type=type_hints["target_ref"])
            check_type(argname="argument autoscaler_ref", value=autoscaler_ref, expected_type=type_hints["autoscaler_ref"])
            check_type(argname="argument ingress_ref", value=ingress_ref, expected_type=type_hints["ingress_ref"])
            check_type(argname="argument progress_deadline_seconds", value=progress_deadline_seconds, expected_type=type_hints["progress_deadline_seconds"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument skip_analysis", value=skip_analysis, expected_type=type_hints["skip_analysis"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "analysis": analysis,
            "service": service,
            "target_ref": target_ref,
        }
        if autoscaler_ref is not None:
            self._values["autoscaler_ref"] = autoscaler_ref
        if ingress_ref is not None:
            self._values["ingress_ref"] = ingress_ref
        if progress_deadline_seconds is not None:
            self._values["progress_deadline_seconds"] = progress_deadline_seconds
        if provider is not None:
            self._values["provider"] = provider
        if skip_analysis is not None:
            self._values["skip_analysis"] = skip_analysis

    @builtins.property
    def analysis(self) -> "CanarySpecAnalysis":
        '''
        :schema: CanarySpec#analysis
        '''
        result = self._values.get("analysis")
        assert result is not None, "Required property 'analysis' is missing"
        return typing.cast("CanarySpecAnalysis", result)

    @builtins.property
    def service(self) -> "CanarySpecService":
        '''
        :schema: CanarySpec#service
        '''
        result = self._values.get("service")
        assert result is not None, "Required property 'service' is missing"
        return typing.cast("CanarySpecService", result)

    @builtins.property
    def target_ref(self) -> "CanarySpecTargetRef":
        '''
        :schema: CanarySpec#targetRef
        '''
        result = self._values.get("target_ref")
        assert result is not None, "Required property 'target_ref' is missing"
        return typing.cast("CanarySpecTargetRef", result)

    @builtins.property
    def autoscaler_ref(self) -> typing.Optional["CanarySpecAutoscalerRef"]:
        '''
        :schema: CanarySpec#autoscalerRef
        '''
        result = self._values.get("autoscaler_ref")
        return typing.cast(typing.Optional["CanarySpecAutoscalerRef"], result)

    @builtins.property
    def ingress_ref(self) -> typing.Optional["CanarySpecIngressRef"]:
        '''
        :schema: CanarySpec#ingressRef
        '''
        result = self._values.get("ingress_ref")
        return typing.cast(typing.Optional["CanarySpecIngressRef"], result)

    @builtins.property
    def progress_deadline_seconds(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpec#progressDeadlineSeconds
        '''
        result = self._values.get("progress_deadline_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def provider(self) -> typing.Optional[builtins.str]:
        '''Traffic routing provider (nginx, kubernetes, istio, ...).

        :schema: CanarySpec#provider
        '''
        result = self._values.get("provider")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def skip_analysis(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: CanarySpec#skipAnalysis
        '''
        result = self._values.get("skip_analysis")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecAnalysis",
    jsii_struct_bases=[],
    name_mapping={
        "interval": "interval",
        "iterations": "iterations",
        "max_weight": "maxWeight",
        "metrics": "metrics",
        "step_weight": "stepWeight",
        "threshold": "threshold",
        "webhooks": "webhooks",
    },
)
class CanarySpecAnalysis:
    def __init__(
        self,
        *,
        interval: typing.Optional[builtins.str] = None,
        iterations: typing.Optional[jsii.Number] = None,
        max_weight: typing.Optional[jsii.Number] = None,
        metrics: typing.Optional[typing.Sequence[typing.Union["CanarySpecAnalysisMetrics", typing.Dict[builtins.str, typing.Any]]]] = None,
        step_weight: typing.Optional[jsii.Number] = None,
        threshold: typing.Optional[jsii.Number] = None,
        webhooks: typing.Optional[typing.Sequence[typing.Union["CanarySpecAnalysisWebhooks", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''
        :param interval: 
        :param iterations: 
        :param max_weight: 
        :param metrics: 
        :param step_weight: 
        :param threshold: 
        :param webhooks: 

        :schema: CanarySpecAnalysis
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6fc4aa2a9ea5bcf5c2747b783fe2ecc44f907461b63b668f443633fc90a63dc5)
            check_type(argname="argument interval", value=interval, expected_type=type_hints["interval"])
            check_type(argname="argument iterations", value=iterations, expected_type=type_hints["iterations"])
            check_type(argname="argument max_weight", value=max_weight, expected_type=type_hints["max_weight"])
            check_type(argname="argument metrics", value=metrics, expected_type=type_hints["metrics"])
            check_type(argname="argument step_weight", value=step_weight, expected_type=type_hints["step_weight"])
            check_type(argname="argument threshold", value=threshold, expected_type=type_hints["threshold"])
            check_type(argname="argument webhooks", value=webhooks, expected_type=type_hints["webhooks"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if interval is not None:
            self._values["interval"] = interval
        if iterations is not None:
            self._values["iterations"] = iterations
        if max_weight is not None:
            self._values["max_weight"] = max_weight
        if metrics is not None:
            self._values["metrics"] = metrics
        if step_weight is not None:
            self._values["step_weight"] = step_weight
        if threshold is not None:
            self._values["threshold"] = threshold
        if webhooks is not None:
            self._values["webhooks"] = webhooks

    @builtins.property
    def interval(self) -> typing.Optional[builtins.str]:
        '''
        :schema: CanarySpecAnalysis#interval
        '''
        result = self._values.get("interval")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def iterations(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpecAnalysis#iterations
        '''
        result = self._values.get("iterations")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def max_weight(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpecAnalysis#maxWeight
        '''
        result = self._values.get("max_weight")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def metrics(self) -> typing.Optional[typing.List["CanarySpecAnalysisMetrics"]]:
        '''
        :schema: CanarySpecAnalysis#metrics
        '''
        result = self._values.get("metrics")
        return typing.cast(typing.Optional[typing.List["CanarySpecAnalysisMetrics"]], result)

    @builtins.property
    def step_weight(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpecAnalysis#stepWeight
        '''
        result = self._values.get("step_weight")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def threshold(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpecAnalysis#threshold
        '''
        result = self._values.get("threshold")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def webhooks(self) -> typing.Optional[typing.List["CanarySpecAnalysisWebhooks"]]:
        '''
        :schema: CanarySpecAnalysis#webhooks
        '''
        result = self._values.get("webhooks")
        return typing.cast(typing.Optional[typing.List["CanarySpecAnalysisWebhooks"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecAnalysis(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecAnalysisMetrics",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "interval": "interval",
        "template_ref": "templateRef",
        "threshold_range": "thresholdRange",
    },
)
class CanarySpecAnalysisMetrics:
    def __init__(
        self,
        *,
        name: builtins.str,
        interval: typing.Optional[builtins.str] = None,
        template_ref: typing.Optional[typing.Union["CanarySpecAnalysisMetricsTemplateRef", typing.Dict[builtins.str, typing.Any]]] = None,
        threshold_range: typing.Optional[typing.Union["CanarySpecAnalysisMetricsThresholdRange", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param name: 
        :param interval: 
        :param template_ref: 
        :param threshold_range: 

        :schema: CanarySpecAnalysisMetrics
        '''
        if isinstance(template_ref, dict):
            template_ref = CanarySpecAnalysisMetricsTemplateRef(**template_ref)
        if isinstance(threshold_range, dict):
            threshold_range = CanarySpecAnalysisMetricsThresholdRange(**threshold_range)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ef85d0cb28797043a736decfe80aa275ceffa0ab3058e150ba81c0da0d59db18)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument interval", value=interval, expected_type=type_hints["interval"])
            check_type(argname="argument template_ref", value=template_ref, expected_type=type_hints["template_ref"])
            check_type(argname="argument threshold_range", value=threshold_range, expected_type=type_hints["threshold_range"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if interval is not None:
            self._values["interval"] = interval
        if template_ref is not None:
            self._values["template_ref"] = template_ref
        if threshold_range is not None:
            self._values["threshold_range"] = threshold_range

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: CanarySpecAnalysisMetrics#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def interval(self) -> typing.Optional[builtins.str]:
        '''
        :schema: CanarySpecAnalysisMetrics#interval
        '''
        result = self._values.get("interval")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def template_ref(self) -> typing.Optional["CanarySpecAnalysisMetricsTemplateRef"]:
        '''
        :schema: CanarySpecAnalysisMetrics#templateRef
        '''
        result = self._values.get("template_ref")
        return typing.cast(typing.Optional["CanarySpecAnalysisMetricsTemplateRef"], result)

    @builtins.property
    def threshold_range(
        self,
    ) -> typing.Optional["CanarySpecAnalysisMetricsThresholdRange"]:
        '''
        :schema: CanarySpecAnalysisMetrics#thresholdRange
        '''
        result = self._values.get("threshold_range")
        return typing.cast(typing.Optional["CanarySpecAnalysisMetricsThresholdRange"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecAnalysisMetrics(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecAnalysisMetricsTemplateRef",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class CanarySpecAnalysisMetricsTemplateRef:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param name: 
        :param namespace: 

        :schema: CanarySpecAnalysisMetricsTemplateRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__42531476a6bf96a591890ed1cc75459662efae03c6dc963332b634acdca7464f)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: CanarySpecAnalysisMetricsTemplateRef#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''
        :schema: CanarySpecAnalysisMetricsTemplateRef#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecAnalysisMetricsTemplateRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecAnalysisMetricsThresholdRange",
    jsii_struct_bases=[],
    name_mapping={"max": "max", "min": "min"},
)
class CanarySpecAnalysisMetricsThresholdRange:
    def __init__(
        self,
        *,
        max: typing.Optional[jsii.Number] = None,
        min: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''
        :param max: 
        :param min: 

        :schema: CanarySpecAnalysisMetricsThresholdRange
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__4abc49007f206a8b973f31ee0f14ee3f3fa7b3410489ad010aeb12f85c427d2f)
            check_type(argname="argument max", value=max, expected_type=type_hints["max"])
            check_type(argname="argument min", value=min, expected_type=type_hints["min"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if max is not None:
            self._values["max"] = max
        if min is not None:
            self._values["min"] = min

    @builtins.property
    def max(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpecAnalysisMetricsThresholdRange#max
        '''
        result = self._values.get("max")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def min(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: CanarySpecAnalysisMetricsThresholdRange#min
        '''
        result = self._values.get("min")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecAnalysisMetricsThresholdRange(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecAnalysisWebhooks",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "url": "url",
        "metadata": "metadata",
        "timeout": "timeout",
        "type": "type",
    },
)
class CanarySpecAnalysisWebhooks:
    def __init__(
        self,
        *,
        name: builtins.str,
        url: builtins.str,
        metadata: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        timeout: typing.Optional[builtins.str] = None,
        type: typing.Optional["CanarySpecAnalysisWebhooksType"] = None,
    ) -> None:
        '''
        :param name: 
        :param url: 
        :param metadata: 
        :param timeout: 
        :param type: 

        :schema: CanarySpecAnalysisWebhooks
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5af298e6e5d4cc44cabed02c181cb203d39987cada191bec949c3e1b4146ff54)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument url", value=url, expected_type=type_hints["url"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument timeout", value=timeout, expected_type=type_hints["timeout"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "url": url,
        }
        if metadata is not None:
            self._values["metadata"] = metadata
        if timeout is not None:
            self._values["timeout"] = timeout
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: CanarySpecAnalysisWebhooks#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def url(self) -> builtins.str:
        '''
        :schema: CanarySpecAnalysisWebhooks#url
        '''
        result = self._values.get("url")
        assert result is not None, "Required property 'url' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def metadata(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecAnalysisWebhooks#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def timeout(self) -> typing.Optional[builtins.str]:
        '''
        :schema: CanarySpecAnalysisWebhooks#timeout
        '''
        result = self._values.get("timeout")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def type(self) -> typing.Optional["CanarySpecAnalysisWebhooksType"]:
        '''
        :schema: CanarySpecAnalysisWebhooks#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional["CanarySpecAnalysisWebhooksType"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecAnalysisWebhooks(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="appflagger.CanarySpecAnalysisWebhooksType")
class CanarySpecAnalysisWebhooksType(enum.Enum):
    '''
    :schema: CanarySpecAnalysisWebhooksType
    '''

    CONFIRM_HYPHEN_ROLLOUT = "CONFIRM_HYPHEN_ROLLOUT"
    '''confirm-rollout.'''
    PRE_HYPHEN_ROLLOUT = "PRE_HYPHEN_ROLLOUT"
    '''pre-rollout.'''
    ROLLOUT = "ROLLOUT"
    '''rollout.'''
    CONFIRM_HYPHEN_PROMOTION = "CONFIRM_HYPHEN_PROMOTION"
    '''confirm-promotion.'''
    POST_HYPHEN_ROLLOUT = "POST_HYPHEN_ROLLOUT"
    '''post-rollout.'''
    EVENT = "EVENT"
    '''event.'''
    ROLLBACK = "ROLLBACK"
    '''rollback.'''
    CONFIRM_HYPHEN_TRAFFIC_HYPHEN_INCREASE = "CONFIRM_HYPHEN_TRAFFIC_HYPHEN_INCREASE"
    '''confirm-traffic-increase.'''


@jsii.data_type(
    jsii_type="appflagger.CanarySpecAutoscalerRef",
    jsii_struct_bases=[],
    name_mapping={"api_version": "apiVersion", "kind": "kind", "name": "name"},
)
class CanarySpecAutoscalerRef:
    def __init__(
        self,
        *,
        api_version: builtins.str,
        kind: "CanarySpecAutoscalerRefKind",
        name: builtins.str,
    ) -> None:
        '''
        :param api_version: 
        :param kind: 
        :param name: 

        :schema: CanarySpecAutoscalerRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c52f335d2e75e98c9821248fa34da4ac7a4b63124a02d6192ce63d83543d400b)
            check_type(argname="argument api_version", value=api_version, expected_type=type_hints["api_version"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "api_version": api_version,
            "kind": kind,
            "name": name,
        }

    @builtins.property
    def api_version(self) -> builtins.str:
        '''
        :schema: CanarySpecAutoscalerRef#apiVersion
        '''
        result = self._values.get("api_version")
        assert result is not None, "Required property 'api_version' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> "CanarySpecAutoscalerRefKind":
        '''
        :schema: CanarySpecAutoscalerRef#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast("CanarySpecAutoscalerRefKind", result)

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: CanarySpecAutoscalerRef#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecAutoscalerRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="appflagger.CanarySpecAutoscalerRefKind")
class CanarySpecAutoscalerRefKind(enum.Enum):
    '''
    :schema: CanarySpecAutoscalerRefKind
    '''

    HORIZONTAL_POD_AUTOSCALER = "HORIZONTAL_POD_AUTOSCALER"
    '''HorizontalPodAutoscaler.'''
    SCALED_OBJECT = "SCALED_OBJECT"
    '''ScaledObject.'''


@jsii.data_type(
    jsii_type="appflagger.CanarySpecIngressRef",
    jsii_struct_bases=[],
    name_mapping={"api_version": "apiVersion", "kind": "kind", "name": "name"},
)
class CanarySpecIngressRef:
    def __init__(
        self,
        *,
        api_version: builtins.str,
        kind: "CanarySpecIngressRefKind",
        name: builtins.str,
    ) -> None:
        '''
        :param api_version: 
        :param kind: 
        :param name: 

        :schema: CanarySpecIngressRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__175f4a44867180cf097c44877128dec40a51e55e5d69873c6f11ce329f51ab5b)
            check_type(argname="argument api_version", value=api_version, expected_type=type_hints["api_version"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "api_version": api_version,
            "kind": kind,
            "name": name,
        }

    @builtins.property
    def api_version(self) -> builtins.str:
        '''
        :schema: CanarySpecIngressRef#apiVersion
        '''
        result = self._values.get("api_version")
        assert result is not None, "Required property 'api_version' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> "CanarySpecIngressRefKind":
        '''
        :schema: CanarySpecIngressRef#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast("CanarySpecIngressRefKind", result)

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: CanarySpecIngressRef#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecIngressRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="appflagger.CanarySpecIngressRefKind")
class CanarySpecIngressRefKind(enum.Enum):
    '''
    :schema: CanarySpecIngressRefKind
    '''

    INGRESS = "INGRESS"
    '''Ingress.'''


@jsii.data_type(
    jsii_type="appflagger.CanarySpecService",
    jsii_struct_bases=[],
    name_mapping={
        "port": "port",
        "apex": "apex",
        "canary": "canary",
        "name": "name",
        "port_discovery": "portDiscovery",
        "port_name": "portName",
        "primary": "primary",
        "target_port": "targetPort",
    },
)
class CanarySpecService:
    def __init__(
        self,
        *,
        port: jsii.Number,
        apex: typing.Optional[typing.Union["CanarySpecServiceApex", typing.Dict[builtins.str, typing.Any]]] = None,
        canary: typing.Optional[typing.Union["CanarySpecServiceCanary", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        port_discovery: typing.Optional[builtins.bool] = None,
        port_name: typing.Optional[builtins.str] = None,
        primary: typing.Optional[typing.Union["CanarySpecServicePrimary", typing.Dict[builtins.str, typing.Any]]] = None,
        target_port: typing.Any = None,
    ) -> None:
        '''
        :param port: 
        :param apex: 
        :param canary: 
        :param name: 
        :param port_discovery: 
        :param port_name: 
        :param primary: 
        :param target_port: 

        :schema: CanarySpecService
        '''
        if isinstance(apex, dict):
            apex = CanarySpecServiceApex(**apex)
        if isinstance(canary, dict):
            canary = CanarySpecServiceCanary(**canary)
        if isinstance(primary, dict):
            primary = CanarySpecServicePrimary(**primary)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a5040831896f1f39e250a8376102e5d4d7285b6db506337a77e75a86d5d7bdff)
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument apex", value=apex, expected_type=type_hints["apex"])
            check_type(argname="argument canary", value=canary, expected_type=type_hints["canary"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument port_discovery", value=port_discovery, expected_type=type_hints["port_discovery"])
            check_type(argname="argument port_name", value=port_name, expected_type=type_hints["port_name"])
            check_type(argname="argument primary", value=primary, expected_type=type_hints["primary"])
            check_type(argname="argument target_port", value=target_port, expected_type=type_hints["target_port"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "port": port,
        }
        if apex is not None:
            self._values["apex"] = apex
        if canary is not None:
            self._values["canary"] = canary
        if name is not None:
            self._values["name"] = name
        if port_discovery is not None:
            self._values["port_discovery"] = port_discovery
        if port_name is not None:
            self._values["port_name"] = port_name
        if primary is not None:
            self._values["primary"] = primary
        if target_port is not None:
            self._values["target_port"] = target_port

    @builtins.property
    def port(self) -> jsii.Number:
        '''
        :schema: CanarySpecService#port
        '''
        result = self._values.get("port")
        assert result is not None, "Required property 'port' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def apex(self) -> typing.Optional["CanarySpecServiceApex"]:
        '''
        :schema: CanarySpecService#apex
        '''
        result = self._values.get("apex")
        return typing.cast(typing.Optional["CanarySpecServiceApex"], result)

    @builtins.property
    def canary(self) -> typing.Optional["CanarySpecServiceCanary"]:
        '''
        :schema: CanarySpecService#canary
        '''
        result = self._values.get("canary")
        return typing.cast(typing.Optional["CanarySpecServiceCanary"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: CanarySpecService#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def port_discovery(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: CanarySpecService#portDiscovery
        '''
        result = self._values.get("port_discovery")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def port_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: CanarySpecService#portName
        '''
        result = self._values.get("port_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def primary(self) -> typing.Optional["CanarySpecServicePrimary"]:
        '''
        :schema: CanarySpecService#primary
        '''
        result = self._values.get("primary")
        return typing.cast(typing.Optional["CanarySpecServicePrimary"], result)

    @builtins.property
    def target_port(self) -> typing.Any:
        '''
        :schema: CanarySpecService#targetPort
        '''
        result = self._values.get("target_port")
        return typing.cast(typing.Any, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecService(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecServiceApex",
    jsii_struct_bases=[],
    name_mapping={"annotations": "annotations", "labels": "labels"},
)
class CanarySpecServiceApex:
    def __init__(
        self,
        *,
        annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''
        :param annotations: 
        :param labels: 

        :schema: CanarySpecServiceApex
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b27b05e6a2ca26b71b577df5552a355cc917f7a7ee8d4c9199e6d936e7cc8571)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if labels is not None:
            self._values["labels"] = labels

    @builtins.property
    def annotations(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecServiceApex#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecServiceApex#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecServiceApex(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecServiceCanary",
    jsii_struct_bases=[],
    name_mapping={"annotations": "annotations", "labels": "labels"},
)
class CanarySpecServiceCanary:
    def __init__(
        self,
        *,
        annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''
        :param annotations: 
        :param labels: 

        :schema: CanarySpecServiceCanary
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8faa4982af5cf3b5138869421c82c05e0ad1a257adc5dcb915996207692b5b8f)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if labels is not None:
            self._values["labels"] = labels

    @builtins.property
    def annotations(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecServiceCanary#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecServiceCanary#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecServiceCanary(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecServicePrimary",
    jsii_struct_bases=[],
    name_mapping={"annotations": "annotations", "labels": "labels"},
)
class CanarySpecServicePrimary:
    def __init__(
        self,
        *,
        annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''
        :param annotations: 
        :param labels: 

        :schema: CanarySpecServicePrimary
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9d888de6ac407d35c1bf725fd04bff1e1d093662206596a901e6abdb1a2bb83c)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if labels is not None:
            self._values["labels"] = labels

    @builtins.property
    def annotations(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecServicePrimary#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def labels(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: CanarySpecServicePrimary#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecServicePrimary(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.CanarySpecTargetRef",
    jsii_struct_bases=[],
    name_mapping={"api_version": "apiVersion", "kind": "kind", "name": "name"},
)
class CanarySpecTargetRef:
    def __init__(
        self,
        *,
        api_version: builtins.str,
        kind: "CanarySpecTargetRefKind",
        name: builtins.str,
    ) -> None:
        '''
        :param api_version: 
        :param kind: 
        :param name: 

        :schema: CanarySpecTargetRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__4b601cdbec90bfb1ae2c8b628cffac0bf30eda8d6c83c2c974d000f545c59c81)
            check_type(argname="argument api_version", value=api_version, expected_type=type_hints["api_version"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "api_version": api_version,
            "kind": kind,
            "name": name,
        }

    @builtins.property
    def api_version(self) -> builtins.str:
        '''
        :schema: CanarySpecTargetRef#apiVersion
        '''
        result = self._values.get("api_version")
        assert result is not None, "Required property 'api_version' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> "CanarySpecTargetRefKind":
        '''
        :schema: CanarySpecTargetRef#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast("CanarySpecTargetRefKind", result)

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: CanarySpecTargetRef#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "CanarySpecTargetRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="appflagger.CanarySpecTargetRefKind")
class CanarySpecTargetRefKind(enum.Enum):
    '''
    :schema: CanarySpecTargetRefKind
    '''

    DEPLOYMENT = "DEPLOYMENT"
    '''Deployment.'''
    DAEMON_SET = "DAEMON_SET"
    '''DaemonSet.'''
    SERVICE = "SERVICE"
    '''Service.'''


class MetricTemplate(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="appflagger.MetricTemplate",
):
    '''MetricTemplate is a query Flagger runs against a metrics provider during canary analysis.

    :schema: MetricTemplate
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["MetricTemplateSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "MetricTemplate" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: 
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0040ccd8d20430c77f7abb6cc265c94d8c907a3384d42211d412d54489c4e1f6)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = MetricTemplateProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["MetricTemplateSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "MetricTemplate".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: 
        :param metadata: 
        '''
        props = MetricTemplateProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "MetricTemplate".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="appflagger.MetricTemplateProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class MetricTemplateProps:
    def __init__(
        self,
        *,
        spec: typing.Union["MetricTemplateSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''MetricTemplate is a query Flagger runs against a metrics provider during canary analysis.

        :param spec: 
        :param metadata: 

        :schema: MetricTemplate
        '''
        if isinstance(spec, dict):
            spec = MetricTemplateSpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c6a58a73b48cde8840761d29fb118eb6e48ab62be849333d9fafb43f73a6cd24)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "MetricTemplateSpec":
        '''
        :schema: MetricTemplate#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("MetricTemplateSpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: MetricTemplate#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MetricTemplateProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.MetricTemplateSpec",
    jsii_struct_bases=[],
    name_mapping={"provider": "provider", "query": "query"},
)
class MetricTemplateSpec:
    def __init__(
        self,
        *,
        provider: typing.Union["MetricTemplateSpecProvider", typing.Dict[builtins.str, typing.Any]],
        query: builtins.str,
    ) -> None:
        '''
        :param provider: 
        :param query: 

        :schema: MetricTemplateSpec
        '''
        if isinstance(provider, dict):
            provider = MetricTemplateSpecProvider(**provider)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__218fbbdad27455a960c5b32eec4c9b49359ec97c928624acdadebafa3d59c747)
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument query", value=query, expected_type=type_hints["query"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "provider": provider,
            "query": query,
        }

    @builtins.property
    def provider(self) -> "MetricTemplateSpecProvider":
        '''
        :schema: MetricTemplateSpec#provider
        '''
        result = self._values.get("provider")
        assert result is not None, "Required property 'provider' is missing"
        return typing.cast("MetricTemplateSpecProvider", result)

    @builtins.property
    def query(self) -> builtins.str:
        '''
        :schema: MetricTemplateSpec#query
        '''
        result = self._values.get("query")
        assert result is not None, "Required property 'query' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MetricTemplateSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="appflagger.MetricTemplateSpecProvider",
    jsii_struct_bases=[],
    name_mapping={
        "type": "type",
        "address": "address",
        "insecure_skip_verify": "insecureSkipVerify",
    },
)
class MetricTemplateSpecProvider:
    def __init__(
        self,
        *,
        type: "MetricTemplateSpecProviderType",
        address: typing.Optional[builtins.str] = None,
        insecure_skip_verify: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param type: 
        :param address: 
        :param insecure_skip_verify: 

        :schema: MetricTemplateSpecProvider
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__87558e21585a794fdcfbb41a6df666e56b86bf8a6872faa31add1e98a5df2aca)
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
            check_type(argname="argument address", value=address, expected_type=type_hints["address"])
            check_type(argname="argument insecure_skip_verify", value=insecure_skip_verify, expected_type=type_hints["insecure_skip_verify"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "type": type,
        }
        if address is not None:
            self._values["address"] = address
        if insecure_skip_verify is not None:
            self._values["insecure_skip_verify"] = insecure_skip_verify

    @builtins.property
    def type(self) -> "MetricTemplateSpecProviderType":
        '''
        :schema: MetricTemplateSpecProvider#type
        '''
        result = self._values.get("type")
        assert result is not None, "Required property 'type' is missing"
        return typing.cast("MetricTemplateSpecProviderType", result)

    @builtins.property
    def address(self) -> typing.Optional[builtins.str]:
        '''
        :schema: MetricTemplateSpecProvider#address
        '''
        result = self._values.get("address")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def insecure_skip_verify(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: MetricTemplateSpecProvider#insecureSkipVerify
        '''
        result = self._values.get("insecure_skip_verify")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MetricTemplateSpecProvider(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="appflagger.MetricTemplateSpecProviderType")
class MetricTemplateSpecProviderType(enum.Enum):
    '''
    :schema: MetricTemplateSpecProviderType
    '''

    PROMETHEUS = "PROMETHEUS"
    '''prometheus.'''
    INFLUXDB = "INFLUXDB"
    '''influxdb.'''
    DATADOG = "DATADOG"
    '''datadog.'''
    CLOUDWATCH = "CLOUDWATCH"
    '''cloudwatch.'''
    NEWRELIC = "NEWRELIC"
    '''newrelic.'''
    GRAPHITE = "GRAPHITE"
    '''graphite.'''
    DYNATRACE = "DYNATRACE"
    '''dynatrace.'''
    KEPTN = "KEPTN"
    '''keptn.'''
    SPLUNK = "SPLUNK"
    '''splunk.'''


__all__ = [
    "Canary",
    "CanaryProps",
    "CanarySpec",
    "CanarySpecAnalysis",
    "CanarySpecAnalysisMetrics",
    "CanarySpecAnalysisMetricsTemplateRef",
    "CanarySpecAnalysisMetricsThresholdRange",
    "CanarySpecAnalysisWebhooks",
    "CanarySpecAnalysisWebhooksType",
    "CanarySpecAutoscalerRef",
    "CanarySpecAutoscalerRefKind",
    "CanarySpecIngressRef",
    "CanarySpecIngressRefKind",
    "CanarySpecService",
    "CanarySpecServiceApex",
    "CanarySpecServiceCanary",
    "CanarySpecServicePrimary",
    "CanarySpecTargetRef",
    "CanarySpecTargetRefKind",
    "MetricTemplate",
    "MetricTemplateProps",
    "MetricTemplateSpec",
    "MetricTemplateSpecProvider",
    "MetricTemplateSpecProviderType",
]

publication.publish()

def _typecheckingstub__64302fdd18a7aa8c4df94fcdc22b8a2273b2d43113d356c64585c8e741fc2ed0(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[CanarySpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fa06d00c5f3c032d0dc079cc6d320819978a36ecce8f75395cb4ce07c0280882(
    *,
    spec: typing.Union[CanarySpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__df27c885497653adb019ef194e7a8f7d60482693eebfc3cc1ea45a05e793f9b9(
    *,
    analysis: typing.Union[CanarySpecAnalysis, typing.Dict[builtins.str, typing.Any]],
    service: typing.Union[CanarySpecService, typing.Dict[builtins.str, typing.Any]],
    target_ref: typing.Union[CanarySpecTargetRef, typing.Dict[builtins.str, typing.Any]],
    autoscaler_ref: typing.Optional[typing.Union[CanarySpecAutoscalerRef, typing.Dict[builtins.str, typing.Any]]] = None,
    ingress_ref: typing.Optional[typing.Union[CanarySpecIngressRef, typing.Dict[builtins.str, typing.Any]]] = None,
    progress_deadline_seconds: typing.Optional[jsii.Number] = None,
    provider: typing.Optional[builtins.str] = None,
    skip_analysis: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6fc4aa2a9ea5bcf5c2747b783fe2ecc44f907461b63b668f443633fc90a63dc5(
    *,
    interval: typing.Optional[builtins.str] = None,
    iterations: typing.Optional[jsii.Number] = None,
    max_weight: typing.Optional[jsii.Number] = None,
    metrics: typing.Optional[typing.Sequence[typing.Union[CanarySpecAnalysisMetrics, typing.Dict[builtins.str, typing.Any]]]] = None,
    step_weight: typing.Optional[jsii.Number] = None,
    threshold: typing.Optional[jsii.Number] = None,
    webhooks: typing.Optional[typing.Sequence[typing.Union[CanarySpecAnalysisWebhooks, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ef85d0cb28797043a736decfe80aa275ceffa0ab3058e150ba81c0da0d59db18(
    *,
    name: builtins.str,
    interval: typing.Optional[builtins.str] = None,
    template_ref: typing.Optional[typing.Union[CanarySpecAnalysisMetricsTemplateRef, typing.Dict[builtins.str, typing.Any]]] = None,
    threshold_range: typing.Optional[typing.Union[CanarySpecAnalysisMetricsThresholdRange, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__42531476a6bf96a591890ed1cc75459662efae03c6dc963332b634acdca7464f(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4abc49007f206a8b973f31ee0f14ee3f3fa7b3410489ad010aeb12f85c427d2f(
    *,
    max: typing.Optional[jsii.Number] = None,
    min: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5af298e6e5d4cc44cabed02c181cb203d39987cada191bec949c3e1b4146ff54(
    *,
    name: builtins.str,
    url: builtins.str,
    metadata: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    timeout: typing.Optional[builtins.str] = None,
    type: typing.Optional[CanarySpecAnalysisWebhooksType] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c52f335d2e75e98c9821248fa34da4ac7a4b63124a02d6192ce63d83543d400b(
    *,
    api_version: builtins.str,
    kind: CanarySpecAutoscalerRefKind,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__175f4a44867180cf097c44877128dec40a51e55e5d69873c6f11ce329f51ab5b(
    *,
    api_version: builtins.str,
    kind: CanarySpecIngressRefKind,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a5040831896f1f39e250a8376102e5d4d7285b6db506337a77e75a86d5d7bdff(
    *,
    port: jsii.Number,
    apex: typing.Optional[typing.Union[CanarySpecServiceApex, typing.Dict[builtins.str, typing.Any]]] = None,
    canary: typing.Optional[typing.Union[CanarySpecServiceCanary, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    port_discovery: typing.Optional[builtins.bool] = None,
    port_name: typing.Optional[builtins.str] = None,
    primary: typing.Optional[typing.Union[CanarySpecServicePrimary, typing.Dict[builtins.str, typing.Any]]] = None,
    target_port: typing.Any = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b27b05e6a2ca26b71b577df5552a355cc917f7a7ee8d4c9199e6d936e7cc8571(
    *,
    annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8faa4982af5cf3b5138869421c82c05e0ad1a257adc5dcb915996207692b5b8f(
    *,
    annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9d888de6ac407d35c1bf725fd04bff1e1d093662206596a901e6abdb1a2bb83c(
    *,
    annotations: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4b601cdbec90bfb1ae2c8b628cffac0bf30eda8d6c83c2c974d000f545c59c81(
    *,
    api_version: builtins.str,
    kind: CanarySpecTargetRefKind,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0040ccd8d20430c77f7abb6cc265c94d8c907a3384d42211d412d54489c4e1f6(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[MetricTemplateSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c6a58a73b48cde8840761d29fb118eb6e48ab62be849333d9fafb43f73a6cd24(
    *,
    spec: typing.Union[MetricTemplateSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__218fbbdad27455a960c5b32eec4c9b49359ec97c928624acdadebafa3d59c747(
    *,
    provider: typing.Union[MetricTemplateSpecProvider, typing.Dict[builtins.str, typing.Any]],
    query: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__87558e21585a794fdcfbb41a6df666e56b86bf8a6872faa31add1e98a5df2aca(
    *,
    type: MetricTemplateSpecProviderType,
    address: typing.Optional[builtins.str] = None,
    insecure_skip_verify: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass
