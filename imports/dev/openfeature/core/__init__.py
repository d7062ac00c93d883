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


class FeatureFlag(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="devopenfeaturecore.FeatureFlag",
):
    '''
    :schema: FeatureFlag
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["FeatureFlagSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "FeatureFlag" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b6a6ad15f61469c7e7f64e0488625b777c07c0a2d50f8a88fec6e0a42dac5e97)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = FeatureFlagProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["FeatureFlagSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "FeatureFlag".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: 
        '''
        props = FeatureFlagProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "FeatureFlag".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class FeatureFlagProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["FeatureFlagSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param metadata: 
        :param spec: 

        :schema: FeatureFlag
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = FeatureFlagSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9b5d5c57810319703de47a1540002aa8d880d59f49168a637f0aa485dbbdc55f)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: FeatureFlag#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["FeatureFlagSpec"]:
        '''
        :schema: FeatureFlag#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["FeatureFlagSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class FeatureFlagSource(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="devopenfeaturecore.FeatureFlagSource",
):
    '''
    :schema: FeatureFlagSource
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["FeatureFlagSourceSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "FeatureFlagSource" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ea351e4b05c9d2acb6ea634b77a6eebdc12f7043ab4b7ddf6d40e5016df33a44)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = FeatureFlagSourceProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["FeatureFlagSourceSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "FeatureFlagSource".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: 
        '''
        props = FeatureFlagSourceProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "FeatureFlagSource".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class FeatureFlagSourceProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["FeatureFlagSourceSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param metadata: 
        :param spec: 

        :schema: FeatureFlagSource
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = FeatureFlagSourceSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d15cfa494acbe499cc73dd011edce17666414ca8560bdd35e79aba44de5763e1)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: FeatureFlagSource#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["FeatureFlagSourceSpec"]:
        '''
        :schema: FeatureFlagSource#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["FeatureFlagSourceSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpec",
    jsii_struct_bases=[],
    name_mapping={
        "sources": "sources",
        "context_values": "contextValues",
        "cors": "cors",
        "debug_logging": "debugLogging",
        "default_sync_provider": "defaultSyncProvider",
        "env_var_prefix": "envVarPrefix",
        "env_vars": "envVars",
        "evaluator": "evaluator",
        "header_to_context_mappings": "headerToContextMappings",
        "log_format": "logFormat",
        "management_port": "managementPort",
        "ofrep_port": "ofrepPort",
        "otel_collector_uri": "otelCollectorUri",
        "port": "port",
        "probes_enabled": "probesEnabled",
        "resources": "resources",
        "rollout_on_change": "rolloutOnChange",
        "socket_path": "socketPath",
        "sync_provider_args": "syncProviderArgs",
    },
)
class FeatureFlagSourceSpec:
    def __init__(
        self,
        *,
        sources: typing.Sequence[typing.Union["FeatureFlagSourceSpecSources", typing.Dict[builtins.str, typing.Any]]],
        context_values: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        cors: typing.Optional[typing.Sequence[builtins.str]] = None,
        debug_logging: typing.Optional[builtins.bool] = None,
        default_sync_provider: typing.Optional[builtins.str] = None,
        env_var_prefix: typing.Optional[builtins.str] = None,
        env_vars: typing.Optional[typing.Sequence[typing.Union["FeatureFlagSourceSpecEnvVars", typing.Dict[builtins.str, typing.Any]]]] = None,
        evaluator: typing.Optional[builtins.str] = None,
        header_to_context_mappings: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        log_format: typing.Optional[builtins.str] = None,
        management_port: typing.Optional[jsii.Number] = None,
        ofrep_port: typing.Optional[jsii.Number] = None,
        otel_collector_uri: typing.Optional[builtins.str] = None,
        port: typing.Optional[jsii.Number] = None,
        probes_enabled: typing.Optional[builtins.bool] = None,
        resources: typing.Optional[typing.Union["FeatureFlagSourceSpecResources", typing.Dict[builtins.str, typing.Any]]] = None,
        rollout_on_change: typing.Optional[builtins.bool] = None,
        socket_path: typing.Optional[builtins.str] = None,
        sync_provider_args: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param sources: 
        :param context_values: 
        :param cors: 
        :param debug_logging: 
        :param default_sync_provider: 
        :param env_var_prefix: 
        :param env_vars: 
        :param evaluator: 
        :param header_to_context_mappings: 
        :param log_format: 
        :param management_port: 
        :param ofrep_port: 
        :param otel_collector_uri: 
        :param port: 
        :param probes_enabled: 
        :param resources: 
        :param rollout_on_change: 
        :param socket_path: 
        :param sync_provider_args: 

        :schema: FeatureFlagSourceSpec
        '''
        if isinstance(resources, dict):
            resources = FeatureFlagSourceSpecResources(**resources)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__4d0a601cfba8f4e5ec4575b88bb88c66be70ed1544d60a9b66fa0d32a64f039a)
            check_type(argname="argument sources", value=sources, expected_type=type_hints["sources"])
            check_type(argname="argument context_values", value=context_values, expected_type=type_hints["context_values"])
            check_type(argname="argument cors", value=cors, expected_type=type_hints["cors"])
            check_type(argname="argument debug_logging", value=debug_logging, expected_type=type_hints["debug_logging"])
            check_type(argname="argument default_sync_provider", value=default_sync_provider, expected_type=type_hints["default_sync_provider"])
            check_type(argname="argument env_var_prefix", value=env_var_prefix, expected_type=type_hints["env_var_prefix"])
            check_type(argname="argument env_vars", value=env_vars, expected_type=type_hints["env_vars"])
            check_type(argname="argument evaluator", value=evaluator, expected_type=type_hints["evaluator"])
            check_type(argname="argument header_to_context_mappings", value=header_to_context_mappings, expected_type=type_hints["header_to_context_mappings"])
            check_type(argname="argument log_format", value=log_format, expected_type=type_hints["log_format"])
            check_type(argname="argument management_port", value=management_port, expected_type=type_hints["management_port"])
            check_type(argname="argument ofrep_port", value=ofrep_port, expected_type=type_hints["ofrep_port"])
            check_type(argname="argument otel_collector_uri", value=otel_collector_uri, expected_type=type_hints["otel_collector_uri"])
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument probes_enabled", value=probes_enabled, expected_type=type_hints["probes_enabled"])
            check_type(argname="argument resources", value=resources, expected_type=type_hints["resources"])
            check_type(argname="argument rollout_on_change", value=rollout_on_change, expected_type=type_hints["rollout_on_change"])
            check_type(argname="argument socket_path", value=socket_path, expected_type=type_hints["socket_path"])
            check_type(argname="argument sync_provider_args", value=sync_provider_args, expected_type=type_hints["sync_provider_args"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "sources": sources,
        }
        if context_values is not None:
            self._values["context_values"] = context_values
        if cors is not None:
            self._values["cors"] = cors
        if debug_logging is not None:
            self._values["debug_logging"] = debug_logging
        if default_sync_provider is not None:
            self._values["default_sync_provider"] = default_sync_provider
        if env_var_prefix is not None:
            self._values["env_var_prefix"] = env_var_prefix
        if env_vars is not None:
            self._values["env_vars"] = env_vars
        if evaluator is not None:
            self._values["evaluator"] = evaluator
        if header_to_context_mappings is not None:
            self._values["header_to_context_mappings"] = header_to_context_mappings
        if log_format is not None:
            self._values["log_format"] = log_format
        if management_port is not None:
            self._values["management_port"] = management_port
        if ofrep_port is not None:
            self._values["ofrep_port"] = ofrep_port
        if otel_collector_uri is not None:
            self._values["otel_collector_uri"] = otel_collector_uri
        if port is not None:
            self._values["port"] = port
        if probes_enabled is not None:
            self._values["probes_enabled"] = probes_enabled
        if resources is not None:
            self._values["resources"] = resources
        if rollout_on_change is not None:
            self._values["rollout_on_change"] = rollout_on_change
        if socket_path is not None:
            self._values["socket_path"] = socket_path
        if sync_provider_args is not None:
            self._values["sync_provider_args"] = sync_provider_args

    @builtins.property
    def sources(self) -> typing.List["FeatureFlagSourceSpecSources"]:
        '''
        :schema: FeatureFlagSourceSpec#sources
        '''
        result = self._values.get("sources")
        assert result is not None, "Required property 'sources' is missing"
        return typing.cast(typing.List["FeatureFlagSourceSpecSources"], result)

    @builtins.property
    def context_values(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: FeatureFlagSourceSpec#contextValues
        '''
        result = self._values.get("context_values")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def cors(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: FeatureFlagSourceSpec#cors
        '''
        result = self._values.get("cors")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def debug_logging(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: FeatureFlagSourceSpec#debugLogging
        '''
        result = self._values.get("debug_logging")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def default_sync_provider(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpec#defaultSyncProvider
        '''
        result = self._values.get("default_sync_provider")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def env_var_prefix(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpec#envVarPrefix
        '''
        result = self._values.get("env_var_prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def env_vars(self) -> typing.Optional[typing.List["FeatureFlagSourceSpecEnvVars"]]:
        '''
        :schema: FeatureFlagSourceSpec#envVars
        '''
        result = self._values.get("env_vars")
        return typing.cast(typing.Optional[typing.List["FeatureFlagSourceSpecEnvVars"]], result)

    @builtins.property
    def evaluator(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpec#evaluator
        '''
        result = self._values.get("evaluator")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def header_to_context_mappings(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: FeatureFlagSourceSpec#headerToContextMappings
        '''
        result = self._values.get("header_to_context_mappings")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def log_format(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpec#logFormat
        '''
        result = self._values.get("log_format")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def management_port(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: FeatureFlagSourceSpec#managementPort
        '''
        result = self._values.get("management_port")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def ofrep_port(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: FeatureFlagSourceSpec#ofrepPort
        '''
        result = self._values.get("ofrep_port")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def otel_collector_uri(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpec#otelCollectorUri
        '''
        result = self._values.get("otel_collector_uri")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def port(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: FeatureFlagSourceSpec#port
        '''
        result = self._values.get("port")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def probes_enabled(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: FeatureFlagSourceSpec#probesEnabled
        '''
        result = self._values.get("probes_enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def resources(self) -> typing.Optional["FeatureFlagSourceSpecResources"]:
        '''
        :schema: FeatureFlagSourceSpec#resources
        '''
        result = self._values.get("resources")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecResources"], result)

    @builtins.property
    def rollout_on_change(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: FeatureFlagSourceSpec#rolloutOnChange
        '''
        result = self._values.get("rollout_on_change")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def socket_path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpec#socketPath
        '''
        result = self._values.get("socket_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sync_provider_args(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: FeatureFlagSourceSpec#syncProviderArgs
        '''
        result = self._values.get("sync_provider_args")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVars",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "value": "value", "value_from": "valueFrom"},
)
class FeatureFlagSourceSpecEnvVars:
    def __init__(
        self,
        *,
        name: builtins.str,
        value: typing.Optional[builtins.str] = None,
        value_from: typing.Optional[typing.Union["FeatureFlagSourceSpecEnvVarsValueFrom", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param name: 
        :param value: 
        :param value_from: 

        :schema: FeatureFlagSourceSpecEnvVars
        '''
        if isinstance(value_from, dict):
            value_from = FeatureFlagSourceSpecEnvVarsValueFrom(**value_from)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2872ff098cde7b95e05fd8ec5e37abc50ad0e5ea4e3a0ce7d43e6e3b482531e5)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
            check_type(argname="argument value_from", value=value_from, expected_type=type_hints["value_from"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if value is not None:
            self._values["value"] = value
        if value_from is not None:
            self._values["value_from"] = value_from

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecEnvVars#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def value(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecEnvVars#value
        '''
        result = self._values.get("value")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def value_from(self) -> typing.Optional["FeatureFlagSourceSpecEnvVarsValueFrom"]:
        '''
        :schema: FeatureFlagSourceSpecEnvVars#valueFrom
        '''
        result = self._values.get("value_from")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecEnvVarsValueFrom"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecEnvVars(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVarsValueFrom",
    jsii_struct_bases=[],
    name_mapping={
        "config_map_key_ref": "configMapKeyRef",
        "field_ref": "fieldRef",
        "resource_field_ref": "resourceFieldRef",
        "secret_key_ref": "secretKeyRef",
    },
)
class FeatureFlagSourceSpecEnvVarsValueFrom:
    def __init__(
        self,
        *,
        config_map_key_ref: typing.Optional[typing.Union["FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef", typing.Dict[builtins.str, typing.Any]]] = None,
        field_ref: typing.Optional[typing.Union["FeatureFlagSourceSpecEnvVarsValueFromFieldRef", typing.Dict[builtins.str, typing.Any]]] = None,
        resource_field_ref: typing.Optional[typing.Union["FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef", typing.Dict[builtins.str, typing.Any]]] = None,
        secret_key_ref: typing.Optional[typing.Union["FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param config_map_key_ref: 
        :param field_ref: 
        :param resource_field_ref: 
        :param secret_key_ref: 

        :schema: FeatureFlagSourceSpecEnvVarsValueFrom
        '''
        if isinstance(config_map_key_ref, dict):
            config_map_key_ref = FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef(**config_map_key_ref)
        if isinstance(field_ref, dict):
            field_ref = FeatureFlagSourceSpecEnvVarsValueFromFieldRef(**field_ref)
        if isinstance(resource_field_ref, dict):
            resource_field_ref = FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef(**resource_field_ref)
        if isinstance(secret_key_ref, dict):
            secret_key_ref = FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef(**secret_key_ref)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__942f3114f01850215a9b932ecab7a43db98cb39cc29a21c7660b87eca8fa1fb5)
            check_type(argname="argument config_map_key_ref", value=config_map_key_ref, expected_type=type_hints["config_map_key_ref"])
            check_type(argname="argument field_ref", value=field_ref, expected_type=type_hints["field_ref"])
            check_type(argname="argument resource_field_ref", value=resource_field_ref, expected_type=type_hints["resource_field_ref"])
            check_type(argname="argument secret_key_ref", value=secret_key_ref, expected_type=type_hints["secret_key_ref"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if config_map_key_ref is not None:
            self._values["config_map_key_ref"] = config_map_key_ref
        if field_ref is not None:
            self._values["field_ref"] = field_ref
        if resource_field_ref is not None:
            self._values["resource_field_ref"] = resource_field_ref
        if secret_key_ref is not None:
            self._values["secret_key_ref"] = secret_key_ref

    @builtins.property
    def config_map_key_ref(
        self,
    ) -> typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef"]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFrom#configMapKeyRef
        '''
        result = self._values.get("config_map_key_ref")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef"], result)

    @builtins.property
    def field_ref(
        self,
    ) -> typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromFieldRef"]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFrom#fieldRef
        '''
        result = self._values.get("field_ref")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromFieldRef"], result)

    @builtins.property
    def resource_field_ref(
        self,
    ) -> typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef"]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFrom#resourceFieldRef
        '''
        result = self._values.get("resource_field_ref")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef"], result)

    @builtins.property
    def secret_key_ref(
        self,
    ) -> typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef"]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFrom#secretKeyRef
        '''
        result = self._values.get("secret_key_ref")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecEnvVarsValueFrom(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "name": "name", "optional": "optional"},
)
class FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef:
    def __init__(
        self,
        *,
        key: builtins.str,
        name: typing.Optional[builtins.str] = None,
        optional: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param key: 
        :param name: 
        :param optional: 

        :schema: FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1cf775a8d0ea425e5c06beeb07a69024e93867376366e00c0f054f0bf98985c8)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument optional", value=optional, expected_type=type_hints["optional"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
        }
        if name is not None:
            self._values["name"] = name
        if optional is not None:
            self._values["optional"] = optional

    @builtins.property
    def key(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def optional(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef#optional
        '''
        result = self._values.get("optional")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVarsValueFromFieldRef",
    jsii_struct_bases=[],
    name_mapping={"field_path": "fieldPath", "api_version": "apiVersion"},
)
class FeatureFlagSourceSpecEnvVarsValueFromFieldRef:
    def __init__(
        self,
        *,
        field_path: builtins.str,
        api_version: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param field_path: 
        :param api_version: 

        :schema: FeatureFlagSourceSpecEnvVarsValueFromFieldRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__39fc0f0c695a4c1b180c97c438704314efe170a8b24252d2342dd73940bc1c0e)
            check_type(argname="argument field_path", value=field_path, expected_type=type_hints["field_path"])
            check_type(argname="argument api_version", value=api_version, expected_type=type_hints["api_version"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "field_path": field_path,
        }
        if api_version is not None:
            self._values["api_version"] = api_version

    @builtins.property
    def field_path(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromFieldRef#fieldPath
        '''
        result = self._values.get("field_path")
        assert result is not None, "Required property 'field_path' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def api_version(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromFieldRef#apiVersion
        '''
        result = self._values.get("api_version")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecEnvVarsValueFromFieldRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef",
    jsii_struct_bases=[],
    name_mapping={
        "resource": "resource",
        "container_name": "containerName",
        "divisor": "divisor",
    },
)
class FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef:
    def __init__(
        self,
        *,
        resource: builtins.str,
        container_name: typing.Optional[builtins.str] = None,
        divisor: typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor"] = None,
    ) -> None:
        '''
        :param resource: 
        :param container_name: 
        :param divisor: 

        :schema: FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b2abdead737177d0d99bef539ad4f2e061c67dc5406662f62bd5a786a4ba474b)
            check_type(argname="argument resource", value=resource, expected_type=type_hints["resource"])
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument divisor", value=divisor, expected_type=type_hints["divisor"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "resource": resource,
        }
        if container_name is not None:
            self._values["container_name"] = container_name
        if divisor is not None:
            self._values["divisor"] = divisor

    @builtins.property
    def resource(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef#resource
        '''
        result = self._values.get("resource")
        assert result is not None, "Required property 'resource' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def container_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef#containerName
        '''
        result = self._values.get("container_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def divisor(
        self,
    ) -> typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor"]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef#divisor
        '''
        result = self._values.get("divisor")
        return typing.cast(typing.Optional["FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor(
    metaclass=jsii.JSIIMeta,
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor",
):
    '''
    :schema: FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9ab7be69421d7f72a854ba8dfa4442fc335b8b3b628b2f5fc0fa43f5dd92b53e)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f06d1761c55fa2c725a368e24f862848036420cbd44eea19f8fcc9852c9d2f40)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "name": "name", "optional": "optional"},
)
class FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef:
    def __init__(
        self,
        *,
        key: builtins.str,
        name: typing.Optional[builtins.str] = None,
        optional: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param key: 
        :param name: 
        :param optional: 

        :schema: FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a4c891930507310fa6395c440896895a8a6e1317b8674f6a44215fb7b08e2871)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument optional", value=optional, expected_type=type_hints["optional"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
        }
        if name is not None:
            self._values["name"] = name
        if optional is not None:
            self._values["optional"] = optional

    @builtins.property
    def key(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def optional(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef#optional
        '''
        result = self._values.get("optional")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecResources",
    jsii_struct_bases=[],
    name_mapping={"claims": "claims", "limits": "limits", "requests": "requests"},
)
class FeatureFlagSourceSpecResources:
    def __init__(
        self,
        *,
        claims: typing.Optional[typing.Sequence[typing.Union["FeatureFlagSourceSpecResourcesClaims", typing.Dict[builtins.str, typing.Any]]]] = None,
        limits: typing.Optional[typing.Mapping[builtins.str, "FeatureFlagSourceSpecResourcesLimits"]] = None,
        requests: typing.Optional[typing.Mapping[builtins.str, "FeatureFlagSourceSpecResourcesRequests"]] = None,
    ) -> None:
        '''
        :param claims: 
        :param limits: 
        :param requests: 

        :schema: FeatureFlagSourceSpecResources
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2ddd92f37419e40a199a2a2196f64c146f5b15de42a80a2e4459486000c80bfb)
            check_type(argname="argument claims", value=claims, expected_type=type_hints["claims"])
            check_type(argname="argument limits", value=limits, expected_type=type_hints["limits"])
            check_type(argname="argument requests", value=requests, expected_type=type_hints["requests"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if claims is not None:
            self._values["claims"] = claims
        if limits is not None:
            self._values["limits"] = limits
        if requests is not None:
            self._values["requests"] = requests

    @builtins.property
    def claims(
        self,
    ) -> typing.Optional[typing.List["FeatureFlagSourceSpecResourcesClaims"]]:
        '''
        :schema: FeatureFlagSourceSpecResources#claims
        '''
        result = self._values.get("claims")
        return typing.cast(typing.Optional[typing.List["FeatureFlagSourceSpecResourcesClaims"]], result)

    @builtins.property
    def limits(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, "FeatureFlagSourceSpecResourcesLimits"]]:
        '''
        :schema: FeatureFlagSourceSpecResources#limits
        '''
        result = self._values.get("limits")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, "FeatureFlagSourceSpecResourcesLimits"]], result)

    @builtins.property
    def requests(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, "FeatureFlagSourceSpecResourcesRequests"]]:
        '''
        :schema: FeatureFlagSourceSpecResources#requests
        '''
        result = self._values.get("requests")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, "FeatureFlagSourceSpecResourcesRequests"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecResources(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecResourcesClaims",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "request": "request"},
)
class FeatureFlagSourceSpecResourcesClaims:
    def __init__(
        self,
        *,
        name: builtins.str,
        request: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param name: 
        :param request: 

        :schema: FeatureFlagSourceSpecResourcesClaims
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e134a4389840db2d3267bb2f4eaf715b1da4c1aa620066f5f0c9dfd5a0c3519c)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument request", value=request, expected_type=type_hints["request"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if request is not None:
            self._values["request"] = request

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecResourcesClaims#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def request(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecResourcesClaims#request
        '''
        result = self._values.get("request")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecResourcesClaims(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class FeatureFlagSourceSpecResourcesLimits(
    metaclass=jsii.JSIIMeta,
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecResourcesLimits",
):
    '''
    :schema: FeatureFlagSourceSpecResourcesLimits
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(cls, value: jsii.Number) -> "FeatureFlagSourceSpecResourcesLimits":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__64bfaea3e33d1a65d889dd5247cb9747d2d0bbce5a2c5b66fd1a15c80ebeb7a5)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("FeatureFlagSourceSpecResourcesLimits", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(cls, value: builtins.str) -> "FeatureFlagSourceSpecResourcesLimits":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__73e689499e43f20f93d8560125fa29a7187cee86c67501e0c2d64f599cb43ca2)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("FeatureFlagSourceSpecResourcesLimits", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


class FeatureFlagSourceSpecResourcesRequests(
    metaclass=jsii.JSIIMeta,
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecResourcesRequests",
):
    '''
    :schema: FeatureFlagSourceSpecResourcesRequests
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "FeatureFlagSourceSpecResourcesRequests":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__eb7949bda1888a86442f417520256085ea91fbb9f4689646125bf264a5ad2a45)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("FeatureFlagSourceSpecResourcesRequests", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "FeatureFlagSourceSpecResourcesRequests":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b024f57324936217f17b79bd36465fb2dcd78548319031fac5ffe24654238592)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("FeatureFlagSourceSpecResourcesRequests", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSourceSpecSources",
    jsii_struct_bases=[],
    name_mapping={
        "source": "source",
        "cert_path": "certPath",
        "http_sync_bearer_token": "httpSyncBearerToken",
        "interval": "interval",
        "provider": "provider",
        "provider_id": "providerId",
        "selector": "selector",
        "tls": "tls",
    },
)
class FeatureFlagSourceSpecSources:
    def __init__(
        self,
        *,
        source: builtins.str,
        cert_path: typing.Optional[builtins.str] = None,
        http_sync_bearer_token: typing.Optional[builtins.str] = None,
        interval: typing.Optional[jsii.Number] = None,
        provider: typing.Optional[builtins.str] = None,
        provider_id: typing.Optional[builtins.str] = None,
        selector: typing.Optional[builtins.str] = None,
        tls: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param source: 
        :param cert_path: 
        :param http_sync_bearer_token: 
        :param interval: 
        :param provider: 
        :param provider_id: 
        :param selector: 
        :param tls: 

        :schema: FeatureFlagSourceSpecSources
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9a3e9b872925eec164dc9f998fb5bb957964cf2c4cd59ab8b6ff434c0ff481fc)
            check_type(argname="argument source", value=source, expected_type=type_hints["source"])
            check_type(argname="argument cert_path", value=cert_path, expected_type=type_hints["cert_path"])
            check_type(argname="argument http_sync_bearer_token", value=http_sync_bearer_token, expected_type=type_hints["http_sync_bearer_token"])
            check_type(argname="argument interval", value=interval, expected_type=type_hints["interval"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument provider_id", value=provider_id, expected_type=type_hints["provider_id"])
            check_type(argname="argument selector", value=selector, expected_type=type_hints["selector"])
            check_type(argname="argument tls", value=tls, expected_type=type_hints["tls"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "source": source,
        }
        if cert_path is not None:
            self._values["cert_path"] = cert_path
        if http_sync_bearer_token is not None:
            self._values["http_sync_bearer_token"] = http_sync_bearer_token
        if interval is not None:
            self._values["interval"] = interval
        if provider is not None:
            self._values["provider"] = provider
        if provider_id is not None:
            self._values["provider_id"] = provider_id
        if selector is not None:
            self._values["selector"] = selector
        if tls is not None:
            self._values["tls"] = tls

    @builtins.property
    def source(self) -> builtins.str:
        '''
        :schema: FeatureFlagSourceSpecSources#source
        '''
        result = self._values.get("source")
        assert result is not None, "Required property 'source' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def cert_path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecSources#certPath
        '''
        result = self._values.get("cert_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def http_sync_bearer_token(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecSources#httpSyncBearerToken
        '''
        result = self._values.get("http_sync_bearer_token")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def interval(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: FeatureFlagSourceSpecSources#interval
        '''
        result = self._values.get("interval")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def provider(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecSources#provider
        '''
        result = self._values.get("provider")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def provider_id(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecSources#providerID
        '''
        result = self._values.get("provider_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def selector(self) -> typing.Optional[builtins.str]:
        '''
        :schema: FeatureFlagSourceSpecSources#selector
        '''
        result = self._values.get("selector")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def tls(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: FeatureFlagSourceSpecSources#tls
        '''
        result = self._values.get("tls")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSourceSpecSources(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSpec",
    jsii_struct_bases=[],
    name_mapping={"flag_spec": "flagSpec"},
)
class FeatureFlagSpec:
    def __init__(
        self,
        *,
        flag_spec: typing.Optional[typing.Union["FeatureFlagSpecFlagSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param flag_spec: 

        :schema: FeatureFlagSpec
        '''
        if isinstance(flag_spec, dict):
            flag_spec = FeatureFlagSpecFlagSpec(**flag_spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6deb9bb0adfee6454be733c6ee65c5034500a6550472bfead32ff9577474eb59)
            check_type(argname="argument flag_spec", value=flag_spec, expected_type=type_hints["flag_spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if flag_spec is not None:
            self._values["flag_spec"] = flag_spec

    @builtins.property
    def flag_spec(self) -> typing.Optional["FeatureFlagSpecFlagSpec"]:
        '''
        :schema: FeatureFlagSpec#flagSpec
        '''
        result = self._values.get("flag_spec")
        return typing.cast(typing.Optional["FeatureFlagSpecFlagSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSpecFlagSpec",
    jsii_struct_bases=[],
    name_mapping={"flags": "flags", "metadata": "metadata"},
)
class FeatureFlagSpecFlagSpec:
    def __init__(
        self,
        *,
        flags: typing.Mapping[builtins.str, typing.Union["FeatureFlagSpecFlagSpecFlags", typing.Dict[builtins.str, typing.Any]]],
        metadata: typing.Any = None,
    ) -> None:
        '''
        :param flags: 
        :param metadata: 

        :schema: FeatureFlagSpecFlagSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2270c4fef33d077e44f50090d26c147805769c5c6f871cb18d205fbf2e5fe984)
            check_type(argname="argument flags", value=flags, expected_type=type_hints["flags"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "flags": flags,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def flags(self) -> typing.Mapping[builtins.str, "FeatureFlagSpecFlagSpecFlags"]:
        '''
        :schema: FeatureFlagSpecFlagSpec#flags
        '''
        result = self._values.get("flags")
        assert result is not None, "Required property 'flags' is missing"
        return typing.cast(typing.Mapping[builtins.str, "FeatureFlagSpecFlagSpecFlags"], result)

    @builtins.property
    def metadata(self) -> typing.Any:
        '''
        :schema: FeatureFlagSpecFlagSpec#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Any, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSpecFlagSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="devopenfeaturecore.FeatureFlagSpecFlagSpecFlags",
    jsii_struct_bases=[],
    name_mapping={
        "default_variant": "defaultVariant",
        "state": "state",
        "variants": "variants",
        "metadata": "metadata",
        "targeting": "targeting",
    },
)
class FeatureFlagSpecFlagSpecFlags:
    def __init__(
        self,
        *,
        default_variant: builtins.str,
        state: "FeatureFlagSpecFlagSpecFlagsState",
        variants: typing.Any,
        metadata: typing.Any = None,
        targeting: typing.Any = None,
    ) -> None:
        '''
        :param default_variant: 
        :param state: 
        :param variants: 
        :param metadata: 
        :param targeting: 

        :schema: FeatureFlagSpecFlagSpecFlags
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__13aa8a138cae58f2fa13b8260bce51643a3bf8819bd5bdb858633b94af621735)
            check_type(argname="argument default_variant", value=default_variant, expected_type=type_hints["default_variant"])
            check_type(argname="argument state", value=state, expected_type=type_hints["state"])
            check_type(argname="argument variants", value=variants, expected_type=type_hints["variants"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument targeting", value=targeting, expected_type=type_hints["targeting"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "default_variant": default_variant,
            "state": state,
            "variants": variants,
        }
        if metadata is not None:
            self._values["metadata"] = metadata
        if targeting is not None:
            self._values["targeting"] = targeting

    @builtins.property
    def default_variant(self) -> builtins.str:
        '''
        :schema: FeatureFlagSpecFlagSpecFlags#defaultVariant
        '''
        result = self._values.get("default_variant")
        assert result is not None, "Required property 'default_variant' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def state(self) -> "FeatureFlagSpecFlagSpecFlagsState":
        '''
        :schema: FeatureFlagSpecFlagSpecFlags#state
        '''
        result = self._values.get("state")
        assert result is not None, "Required property 'state' is missing"
        return typing.cast("FeatureFlagSpecFlagSpecFlagsState", result)

    @builtins.property
    def variants(self) -> typing.Any:
        '''
        :schema: FeatureFlagSpecFlagSpecFlags#variants
        '''
        result = self._values.get("variants")
        assert result is not None, "Required property 'variants' is missing"
        return typing.cast(typing.Any, result)

    @builtins.property
    def metadata(self) -> typing.Any:
        '''
        :schema: FeatureFlagSpecFlagSpecFlags#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Any, result)

    @builtins.property
    def targeting(self) -> typing.Any:
        '''
        :schema: FeatureFlagSpecFlagSpecFlags#targeting
        '''
        result = self._values.get("targeting")
        return typing.cast(typing.Any, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "FeatureFlagSpecFlagSpecFlags(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="devopenfeaturecore.FeatureFlagSpecFlagSpecFlagsState")
class FeatureFlagSpecFlagSpecFlagsState(enum.Enum):
    '''
    :schema: FeatureFlagSpecFlagSpecFlagsState
    '''

    ENABLED = "ENABLED"
    '''ENABLED.'''
    DISABLED = "DISABLED"
    '''DISABLED.'''


__all__ = [
    "FeatureFlag",
    "FeatureFlagProps",
    "FeatureFlagSource",
    "FeatureFlagSourceProps",
    "FeatureFlagSourceSpec",
    "FeatureFlagSourceSpecEnvVars",
    "FeatureFlagSourceSpecEnvVarsValueFrom",
    "FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef",
    "FeatureFlagSourceSpecEnvVarsValueFromFieldRef",
    "FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef",
    "FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor",
    "FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef",
    "FeatureFlagSourceSpecResources",
    "FeatureFlagSourceSpecResourcesClaims",
    "FeatureFlagSourceSpecResourcesLimits",
    "FeatureFlagSourceSpecResourcesRequests",
    "FeatureFlagSourceSpecSources",
    "FeatureFlagSpec",
    "FeatureFlagSpecFlagSpec",
    "FeatureFlagSpecFlagSpecFlags",
    "FeatureFlagSpecFlagSpecFlagsState",
]

publication.publish()

def _typecheckingstub__b6a6ad15f61469c7e7f64e0488625b777c07c0a2d50f8a88fec6e0a42dac5e97(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[FeatureFlagSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9b5d5c57810319703de47a1540002aa8d880d59f49168a637f0aa485dbbdc55f(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[FeatureFlagSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ea351e4b05c9d2acb6ea634b77a6eebdc12f7043ab4b7ddf6d40e5016df33a44(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[FeatureFlagSourceSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d15cfa494acbe499cc73dd011edce17666414ca8560bdd35e79aba44de5763e1(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[FeatureFlagSourceSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4d0a601cfba8f4e5ec4575b88bb88c66be70ed1544d60a9b66fa0d32a64f039a(
    *,
    sources: typing.Sequence[typing.Union[FeatureFlagSourceSpecSources, typing.Dict[builtins.str, typing.Any]]],
    context_values: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    cors: typing.Optional[typing.Sequence[builtins.str]] = None,
    debug_logging: typing.Optional[builtins.bool] = None,
    default_sync_provider: typing.Optional[builtins.str] = None,
    env_var_prefix: typing.Optional[builtins.str] = None,
    env_vars: typing.Optional[typing.Sequence[typing.Union[FeatureFlagSourceSpecEnvVars, typing.Dict[builtins.str, typing.Any]]]] = None,
    evaluator: typing.Optional[builtins.str] = None,
    header_to_context_mappings: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    log_format: typing.Optional[builtins.str] = None,
    management_port: typing.Optional[jsii.Number] = None,
    ofrep_port: typing.Optional[jsii.Number] = None,
    otel_collector_uri: typing.Optional[builtins.str] = None,
    port: typing.Optional[jsii.Number] = None,
    probes_enabled: typing.Optional[builtins.bool] = None,
    resources: typing.Optional[typing.Union[FeatureFlagSourceSpecResources, typing.Dict[builtins.str, typing.Any]]] = None,
    rollout_on_change: typing.Optional[builtins.bool] = None,
    socket_path: typing.Optional[builtins.str] = None,
    sync_provider_args: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2872ff098cde7b95e05fd8ec5e37abc50ad0e5ea4e3a0ce7d43e6e3b482531e5(
    *,
    name: builtins.str,
    value: typing.Optional[builtins.str] = None,
    value_from: typing.Optional[typing.Union[FeatureFlagSourceSpecEnvVarsValueFrom, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__942f3114f01850215a9b932ecab7a43db98cb39cc29a21c7660b87eca8fa1fb5(
    *,
    config_map_key_ref: typing.Optional[typing.Union[FeatureFlagSourceSpecEnvVarsValueFromConfigMapKeyRef, typing.Dict[builtins.str, typing.Any]]] = None,
    field_ref: typing.Optional[typing.Union[FeatureFlagSourceSpecEnvVarsValueFromFieldRef, typing.Dict[builtins.str, typing.Any]]] = None,
    resource_field_ref: typing.Optional[typing.Union[FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRef, typing.Dict[builtins.str, typing.Any]]] = None,
    secret_key_ref: typing.Optional[typing.Union[FeatureFlagSourceSpecEnvVarsValueFromSecretKeyRef, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1cf775a8d0ea425e5c06beeb07a69024e93867376366e00c0f054f0bf98985c8(
    *,
    key: builtins.str,
    name: typing.Optional[builtins.str] = None,
    optional: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__39fc0f0c695a4c1b180c97c438704314efe170a8b24252d2342dd73940bc1c0e(
    *,
    field_path: builtins.str,
    api_version: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b2abdead737177d0d99bef539ad4f2e061c67dc5406662f62bd5a786a4ba474b(
    *,
    resource: builtins.str,
    container_name: typing.Optional[builtins.str] = None,
    divisor: typing.Optional[FeatureFlagSourceSpecEnvVarsValueFromResourceFieldRefDivisor] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9ab7be69421d7f72a854ba8dfa4442fc335b8b3b628b2f5fc0fa43f5dd92b53e(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f06d1761c55fa2c725a368e24f862848036420cbd44eea19f8fcc9852c9d2f40(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a4c891930507310fa6395c440896895a8a6e1317b8674f6a44215fb7b08e2871(
    *,
    key: builtins.str,
    name: typing.Optional[builtins.str] = None,
    optional: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2ddd92f37419e40a199a2a2196f64c146f5b15de42a80a2e4459486000c80bfb(
    *,
    claims: typing.Optional[typing.Sequence[typing.Union[FeatureFlagSourceSpecResourcesClaims, typing.Dict[builtins.str, typing.Any]]]] = None,
    limits: typing.Optional[typing.Mapping[builtins.str, FeatureFlagSourceSpecResourcesLimits]] = None,
    requests: typing.Optional[typing.Mapping[builtins.str, FeatureFlagSourceSpecResourcesRequests]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e134a4389840db2d3267bb2f4eaf715b1da4c1aa620066f5f0c9dfd5a0c3519c(
    *,
    name: builtins.str,
    request: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__64bfaea3e33d1a65d889dd5247cb9747d2d0bbce5a2c5b66fd1a15c80ebeb7a5(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__73e689499e43f20f93d8560125fa29a7187cee86c67501e0c2d64f599cb43ca2(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__eb7949bda1888a86442f417520256085ea91fbb9f4689646125bf264a5ad2a45(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b024f57324936217f17b79bd36465fb2dcd78548319031fac5ffe24654238592(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9a3e9b872925eec164dc9f998fb5bb957964cf2c4cd59ab8b6ff434c0ff481fc(
    *,
    source: builtins.str,
    cert_path: typing.Optional[builtins.str] = None,
    http_sync_bearer_token: typing.Optional[builtins.str] = None,
    interval: typing.Optional[jsii.Number] = None,
    provider: typing.Optional[builtins.str] = None,
    provider_id: typing.Optional[builtins.str] = None,
    selector: typing.Optional[builtins.str] = None,
    tls: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6deb9bb0adfee6454be733c6ee65c5034500a6550472bfead32ff9577474eb59(
    *,
    flag_spec: typing.Optional[typing.Union[FeatureFlagSpecFlagSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2270c4fef33d077e44f50090d26c147805769c5c6f871cb18d205fbf2e5fe984(
    *,
    flags: typing.Mapping[builtins.str, typing.Union[FeatureFlagSpecFlagSpecFlags, typing.Dict[builtins.str, typing.Any]]],
    metadata: typing.Any = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__13aa8a138cae58f2fa13b8260bce51643a3bf8819bd5bdb858633b94af621735(
    *,
    default_variant: builtins.str,
    state: FeatureFlagSpecFlagSpecFlagsState,
    variants: typing.Any,
    metadata: typing.Any = None,
    targeting: typing.Any = None,
) -> None:
    """Type checking stubs"""
    pass
