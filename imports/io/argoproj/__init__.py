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


class AppProject(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="ioargoproj.AppProject",
):
    '''
    :schema: AppProject
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["AppProjectSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "AppProject" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__55be0a52f18acf3787b7c5cb2ff1892e30d89c103a580e1e1ea21d1b27f749a8)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = AppProjectProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["AppProjectSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "AppProject".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: 
        '''
        props = AppProjectProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "AppProject".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="ioargoproj.AppProjectProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class AppProjectProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["AppProjectSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''
        :param metadata: 
        :param spec: 

        :schema: AppProject
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = AppProjectSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7c9d737c2bb68f2a5d3c5dd8cbf4e60345db2874ac6bd1ab23c5dcc3ff3ccfaa)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: AppProject#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "AppProjectSpec":
        '''
        :schema: AppProject#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("AppProjectSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "AppProjectProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.AppProjectSpec",
    jsii_struct_bases=[],
    name_mapping={
        "cluster_resource_whitelist": "clusterResourceWhitelist",
        "description": "description",
        "destinations": "destinations",
        "namespace_resource_whitelist": "namespaceResourceWhitelist",
        "source_repos": "sourceRepos",
    },
)
class AppProjectSpec:
    def __init__(
        self,
        *,
        cluster_resource_whitelist: typing.Optional[typing.Sequence[typing.Union["AppProjectSpecClusterResourceWhitelist", typing.Dict[builtins.str, typing.Any]]]] = None,
        description: typing.Optional[builtins.str] = None,
        destinations: typing.Optional[typing.Sequence[typing.Union["AppProjectSpecDestinations", typing.Dict[builtins.str, typing.Any]]]] = None,
        namespace_resource_whitelist: typing.Optional[typing.Sequence[typing.Union["AppProjectSpecNamespaceResourceWhitelist", typing.Dict[builtins.str, typing.Any]]]] = None,
        source_repos: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param cluster_resource_whitelist: 
        :param description: 
        :param destinations: 
        :param namespace_resource_whitelist: 
        :param source_repos: 

        :schema: AppProjectSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cfd401a490e302e6849a76313748b104c693a07dbc6f25de00fec11d20981a01)
            check_type(argname="argument cluster_resource_whitelist", value=cluster_resource_whitelist, expected_type=type_hints["cluster_resource_whitelist"])
            check_type(argname="argument description", value=description, expected_type=type_hints["description"])
            check_type(argname="argument destinations", value=destinations, expected_type=type_hints["destinations"])
            check_type(argname="argument namespace_resource_whitelist", value=namespace_resource_whitelist, expected_type=type_hints["namespace_resource_whitelist"])
            check_type(argname="argument source_repos", value=source_repos, expected_type=type_hints["source_repos"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cluster_resource_whitelist is not None:
            self._values["cluster_resource_whitelist"] = cluster_resource_whitelist
        if description is not None:
            self._values["description"] = description
        if destinations is not None:
            self._values["destinations"] = destinations
        if namespace_resource_whitelist is not None:
            self._values["namespace_resource_whitelist"] = namespace_resource_whitelist
        if source_repos is not None:
            self._values["source_repos"] = source_repos

    @builtins.property
    def cluster_resource_whitelist(
        self,
    ) -> typing.Optional[typing.List["AppProjectSpecClusterResourceWhitelist"]]:
        '''
        :schema: AppProjectSpec#clusterResourceWhitelist
        '''
        result = self._values.get("cluster_resource_whitelist")
        return typing.cast(typing.Optional[typing.List["AppProjectSpecClusterResourceWhitelist"]], result)

    @builtins.property
    def description(self) -> typing.Optional[builtins.str]:
        '''
        :schema: AppProjectSpec#description
        '''
        result = self._values.get("description")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destinations(
        self,
    ) -> typing.Optional[typing.List["AppProjectSpecDestinations"]]:
        '''
        :schema: AppProjectSpec#destinations
        '''
        result = self._values.get("destinations")
        return typing.cast(typing.Optional[typing.List["AppProjectSpecDestinations"]], result)

    @builtins.property
    def namespace_resource_whitelist(
        self,
    ) -> typing.Optional[typing.List["AppProjectSpecNamespaceResourceWhitelist"]]:
        '''
        :schema: AppProjectSpec#namespaceResourceWhitelist
        '''
        result = self._values.get("namespace_resource_whitelist")
        return typing.cast(typing.Optional[typing.List["AppProjectSpecNamespaceResourceWhitelist"]], result)

    @builtins.property
    def source_repos(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: AppProjectSpec#sourceRepos
        '''
        result = self._values.get("source_repos")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "AppProjectSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.AppProjectSpecClusterResourceWhitelist",
    jsii_struct_bases=[],
    name_mapping={"group": "group", "kind": "kind", "name": "name"},
)
class AppProjectSpecClusterResourceWhitelist:
    def __init__(
        self,
        *,
        group: builtins.str,
        kind: builtins.str,
        name: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param group: 
        :param kind: 
        :param name: 

        :schema: AppProjectSpecClusterResourceWhitelist
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__da54887346d884419379874958a4613ff94ef2d5e2cb4ce7091c6facb942cb77)
            check_type(argname="argument group", value=group, expected_type=type_hints["group"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "group": group,
            "kind": kind,
        }
        if name is not None:
            self._values["name"] = name

    @builtins.property
    def group(self) -> builtins.str:
        '''
        :schema: AppProjectSpecClusterResourceWhitelist#group
        '''
        result = self._values.get("group")
        assert result is not None, "Required property 'group' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> builtins.str:
        '''
        :schema: AppProjectSpecClusterResourceWhitelist#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: AppProjectSpecClusterResourceWhitelist#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "AppProjectSpecClusterResourceWhitelist(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.AppProjectSpecDestinations",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace", "server": "server"},
)
class AppProjectSpecDestinations:
    def __init__(
        self,
        *,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
        server: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param name: 
        :param namespace: 
        :param server: 

        :schema: AppProjectSpecDestinations
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__65ad8c6736c41bcee92f6d3c75eb7ab8d772e9db2c83b0ccefb46a5e5f620382)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
            check_type(argname="argument server", value=server, expected_type=type_hints["server"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if name is not None:
            self._values["name"] = name
        if namespace is not None:
            self._values["namespace"] = namespace
        if server is not None:
            self._values["server"] = server

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: AppProjectSpecDestinations#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''
        :schema: AppProjectSpecDestinations#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def server(self) -> typing.Optional[builtins.str]:
        '''
        :schema: AppProjectSpecDestinations#server
        '''
        result = self._values.get("server")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "AppProjectSpecDestinations(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.AppProjectSpecNamespaceResourceWhitelist",
    jsii_struct_bases=[],
    name_mapping={"group": "group", "kind": "kind"},
)
class AppProjectSpecNamespaceResourceWhitelist:
    def __init__(self, *, group: builtins.str, kind: builtins.str) -> None:
        '''
        :param group: 
        :param kind: 

        :schema: AppProjectSpecNamespaceResourceWhitelist
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c74506df4f931a75e99289dc748dbcb5e0b93b7bb1f9aa59318a09ca572273de)
            check_type(argname="argument group", value=group, expected_type=type_hints["group"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "group": group,
            "kind": kind,
        }

    @builtins.property
    def group(self) -> builtins.str:
        '''
        :schema: AppProjectSpecNamespaceResourceWhitelist#group
        '''
        result = self._values.get("group")
        assert result is not None, "Required property 'group' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> builtins.str:
        '''
        :schema: AppProjectSpecNamespaceResourceWhitelist#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "AppProjectSpecNamespaceResourceWhitelist(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class Application(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="ioargoproj.Application",
):
    '''
    :schema: Application
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["ApplicationSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "Application" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9fadc55084560f240c2c9e6a99b09bb072446fb64fdbc835fefe1e6223a2cc52)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ApplicationProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["ApplicationSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Application".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: 
        '''
        props = ApplicationProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Application".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ApplicationProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["ApplicationSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''
        :param metadata: 
        :param spec: 

        :schema: Application
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ApplicationSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5ca23bf220d592849372e0bd99f10e3ce28c86c57e545253a959e91aed82183a)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: Application#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "ApplicationSpec":
        '''
        :schema: Application#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("ApplicationSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class ApplicationSet(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="ioargoproj.ApplicationSet",
):
    '''
    :schema: ApplicationSet
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["ApplicationSetSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "ApplicationSet" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f5a21242cdf4dac363c1ce49a3236f210d2c938060dea6a7a3a84f602c89dc95)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ApplicationSetProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["ApplicationSetSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "ApplicationSet".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: 
        '''
        props = ApplicationSetProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "ApplicationSet".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ApplicationSetProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["ApplicationSetSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''
        :param metadata: 
        :param spec: 

        :schema: ApplicationSet
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ApplicationSetSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d7ee205516d3c5104f3388f0160e02da7f2fd644a8813d4e8d7b39a005839117)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: ApplicationSet#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "ApplicationSetSpec":
        '''
        :schema: ApplicationSet#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("ApplicationSetSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpec",
    jsii_struct_bases=[],
    name_mapping={
        "generators": "generators",
        "template": "template",
        "go_template": "goTemplate",
        "go_template_options": "goTemplateOptions",
        "sync_policy": "syncPolicy",
        "template_patch": "templatePatch",
    },
)
class ApplicationSetSpec:
    def __init__(
        self,
        *,
        generators: typing.Sequence[typing.Union["ApplicationSetSpecGenerators", typing.Dict[builtins.str, typing.Any]]],
        template: typing.Any,
        go_template: typing.Optional[builtins.bool] = None,
        go_template_options: typing.Optional[typing.Sequence[builtins.str]] = None,
        sync_policy: typing.Optional[typing.Union["ApplicationSetSpecSyncPolicy", typing.Dict[builtins.str, typing.Any]]] = None,
        template_patch: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param generators: 
        :param template: 
        :param go_template: 
        :param go_template_options: 
        :param sync_policy: 
        :param template_patch: 

        :schema: ApplicationSetSpec
        '''
        if isinstance(sync_policy, dict):
            sync_policy = ApplicationSetSpecSyncPolicy(**sync_policy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__35685366d2073647fd9032fb5bb5fad524b85602961c69fe942173fadaab74e3)
            check_type(argname="argument generators", value=generators, expected_type=type_hints["generators"])
            check_type(argname="argument template", value=template, expected_type=type_hints["template"])
            check_type(argname="argument go_template", value=go_template, expected_type=type_hints["go_template"])
            check_type(argname="argument go_template_options", value=go_template_options, expected_type=type_hints["go_template_options"])
            check_type(argname="argument sync_policy", value=sync_policy, expected_type=type_hints["sync_policy"])
            check_type(argname="argument template_patch", value=template_patch, expected_type=type_hints["template_patch"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "generators": generators,
            "template": template,
        }
        if go_template is not None:
            self._values["go_template"] = go_template
        if go_template_options is not None:
            self._values["go_template_options"] = go_template_options
        if sync_policy is not None:
            self._values["sync_policy"] = sync_policy
        if template_patch is not None:
            self._values["template_patch"] = template_patch

    @builtins.property
    def generators(self) -> typing.List["ApplicationSetSpecGenerators"]:
        '''
        :schema: ApplicationSetSpec#generators
        '''
        result = self._values.get("generators")
        assert result is not None, "Required property 'generators' is missing"
        return typing.cast(typing.List["ApplicationSetSpecGenerators"], result)

    @builtins.property
    def template(self) -> typing.Any:
        '''
        :schema: ApplicationSetSpec#template
        '''
        result = self._values.get("template")
        assert result is not None, "Required property 'template' is missing"
        return typing.cast(typing.Any, result)

    @builtins.property
    def go_template(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSetSpec#goTemplate
        '''
        result = self._values.get("go_template")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def go_template_options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ApplicationSetSpec#goTemplateOptions
        '''
        result = self._values.get("go_template_options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def sync_policy(self) -> typing.Optional["ApplicationSetSpecSyncPolicy"]:
        '''
        :schema: ApplicationSetSpec#syncPolicy
        '''
        result = self._values.get("sync_policy")
        return typing.cast(typing.Optional["ApplicationSetSpecSyncPolicy"], result)

    @builtins.property
    def template_patch(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSetSpec#templatePatch
        '''
        result = self._values.get("template_patch")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGenerators",
    jsii_struct_bases=[],
    name_mapping={"clusters": "clusters", "git": "git", "list": "list"},
)
class ApplicationSetSpecGenerators:
    def __init__(
        self,
        *,
        clusters: typing.Optional[typing.Union["ApplicationSetSpecGeneratorsClusters", typing.Dict[builtins.str, typing.Any]]] = None,
        git: typing.Optional[typing.Union["ApplicationSetSpecGeneratorsGit", typing.Dict[builtins.str, typing.Any]]] = None,
        list: typing.Optional[typing.Union["ApplicationSetSpecGeneratorsList", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param clusters: 
        :param git: 
        :param list: 

        :schema: ApplicationSetSpecGenerators
        '''
        if isinstance(clusters, dict):
            clusters = ApplicationSetSpecGeneratorsClusters(**clusters)
        if isinstance(git, dict):
            git = ApplicationSetSpecGeneratorsGit(**git)
        if isinstance(list, dict):
            list = ApplicationSetSpecGeneratorsList(**list)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a4a3f86eb47521005c22d39d52f091df9f18698c0758ba745a248039cea26cbf)
            check_type(argname="argument clusters", value=clusters, expected_type=type_hints["clusters"])
            check_type(argname="argument git", value=git, expected_type=type_hints["git"])
            check_type(argname="argument list", value=list, expected_type=type_hints["list"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if clusters is not None:
            self._values["clusters"] = clusters
        if git is not None:
            self._values["git"] = git
        if list is not None:
            self._values["list"] = list

    @builtins.property
    def clusters(self) -> typing.Optional["ApplicationSetSpecGeneratorsClusters"]:
        '''
        :schema: ApplicationSetSpecGenerators#clusters
        '''
        result = self._values.get("clusters")
        return typing.cast(typing.Optional["ApplicationSetSpecGeneratorsClusters"], result)

    @builtins.property
    def git(self) -> typing.Optional["ApplicationSetSpecGeneratorsGit"]:
        '''
        :schema: ApplicationSetSpecGenerators#git
        '''
        result = self._values.get("git")
        return typing.cast(typing.Optional["ApplicationSetSpecGeneratorsGit"], result)

    @builtins.property
    def list(self) -> typing.Optional["ApplicationSetSpecGeneratorsList"]:
        '''
        :schema: ApplicationSetSpecGenerators#list
        '''
        result = self._values.get("list")
        return typing.cast(typing.Optional["ApplicationSetSpecGeneratorsList"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGenerators(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGeneratorsClusters",
    jsii_struct_bases=[],
    name_mapping={"selector": "selector", "values": "values"},
)
class ApplicationSetSpecGeneratorsClusters:
    def __init__(
        self,
        *,
        selector: typing.Optional[typing.Union["ApplicationSetSpecGeneratorsClustersSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        values: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''
        :param selector: 
        :param values: 

        :schema: ApplicationSetSpecGeneratorsClusters
        '''
        if isinstance(selector, dict):
            selector = ApplicationSetSpecGeneratorsClustersSelector(**selector)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1340444804bf45bb10f96af84318b344334d75a0a8339adf84042d501abd0809)
            check_type(argname="argument selector", value=selector, expected_type=type_hints["selector"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if selector is not None:
            self._values["selector"] = selector
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def selector(
        self,
    ) -> typing.Optional["ApplicationSetSpecGeneratorsClustersSelector"]:
        '''
        :schema: ApplicationSetSpecGeneratorsClusters#selector
        '''
        result = self._values.get("selector")
        return typing.cast(typing.Optional["ApplicationSetSpecGeneratorsClustersSelector"], result)

    @builtins.property
    def values(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ApplicationSetSpecGeneratorsClusters#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGeneratorsClusters(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGeneratorsClustersSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class ApplicationSetSpecGeneratorsClustersSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''
        :param match_expressions: 
        :param match_labels: 

        :schema: ApplicationSetSpecGeneratorsClustersSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6b5da8870eaccae0e45a5f9b74ee0360f10148a6eb5d69430fe28e455e54caff)
            check_type(argname="argument match_expressions", value=match_expressions, expected_type=type_hints["match_expressions"])
            check_type(argname="argument match_labels", value=match_labels, expected_type=type_hints["match_labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if match_expressions is not None:
            self._values["match_expressions"] = match_expressions
        if match_labels is not None:
            self._values["match_labels"] = match_labels

    @builtins.property
    def match_expressions(
        self,
    ) -> typing.Optional[typing.List["ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions"]]:
        '''
        :schema: ApplicationSetSpecGeneratorsClustersSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''
        :schema: ApplicationSetSpecGeneratorsClustersSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGeneratorsClustersSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions:
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

        :schema: ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__74ad3065c26b3ec4e1aea2a27a356e1ae3aa01b0d1c2ccd55bf8b5d413b8a0ae)
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
        :schema: ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''
        :schema: ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGeneratorsGit",
    jsii_struct_bases=[],
    name_mapping={
        "repo_url": "repoUrl",
        "revision": "revision",
        "directories": "directories",
    },
)
class ApplicationSetSpecGeneratorsGit:
    def __init__(
        self,
        *,
        repo_url: builtins.str,
        revision: builtins.str,
        directories: typing.Optional[typing.Sequence[typing.Union["ApplicationSetSpecGeneratorsGitDirectories", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''
        :param repo_url: 
        :param revision: 
        :param directories: 

        :schema: ApplicationSetSpecGeneratorsGit
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7d504e0eacd298e4dd7afae25c197e26fc30d997d6f1b6fa2322cddefba5c005)
            check_type(argname="argument repo_url", value=repo_url, expected_type=type_hints["repo_url"])
            check_type(argname="argument revision", value=revision, expected_type=type_hints["revision"])
            check_type(argname="argument directories", value=directories, expected_type=type_hints["directories"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "repo_url": repo_url,
            "revision": revision,
        }
        if directories is not None:
            self._values["directories"] = directories

    @builtins.property
    def repo_url(self) -> builtins.str:
        '''
        :schema: ApplicationSetSpecGeneratorsGit#repoURL
        '''
        result = self._values.get("repo_url")
        assert result is not None, "Required property 'repo_url' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def revision(self) -> builtins.str:
        '''
        :schema: ApplicationSetSpecGeneratorsGit#revision
        '''
        result = self._values.get("revision")
        assert result is not None, "Required property 'revision' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def directories(
        self,
    ) -> typing.Optional[typing.List["ApplicationSetSpecGeneratorsGitDirectories"]]:
        '''
        :schema: ApplicationSetSpecGeneratorsGit#directories
        '''
        result = self._values.get("directories")
        return typing.cast(typing.Optional[typing.List["ApplicationSetSpecGeneratorsGitDirectories"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGeneratorsGit(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGeneratorsGitDirectories",
    jsii_struct_bases=[],
    name_mapping={"path": "path", "exclude": "exclude"},
)
class ApplicationSetSpecGeneratorsGitDirectories:
    def __init__(
        self,
        *,
        path: builtins.str,
        exclude: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param path: 
        :param exclude: 

        :schema: ApplicationSetSpecGeneratorsGitDirectories
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9377085fd0dbe8196d83e269015ed9f72430db10e45317743eb7af4ae87f8d8f)
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument exclude", value=exclude, expected_type=type_hints["exclude"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "path": path,
        }
        if exclude is not None:
            self._values["exclude"] = exclude

    @builtins.property
    def path(self) -> builtins.str:
        '''
        :schema: ApplicationSetSpecGeneratorsGitDirectories#path
        '''
        result = self._values.get("path")
        assert result is not None, "Required property 'path' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def exclude(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSetSpecGeneratorsGitDirectories#exclude
        '''
        result = self._values.get("exclude")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGeneratorsGitDirectories(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecGeneratorsList",
    jsii_struct_bases=[],
    name_mapping={"elements": "elements"},
)
class ApplicationSetSpecGeneratorsList:
    def __init__(self, *, elements: typing.Sequence[typing.Any]) -> None:
        '''
        :param elements: 

        :schema: ApplicationSetSpecGeneratorsList
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e06957f8643f1a172ca70e5e7520553fe62c5813e59ab04b47212a9c32b910d3)
            check_type(argname="argument elements", value=elements, expected_type=type_hints["elements"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "elements": elements,
        }

    @builtins.property
    def elements(self) -> typing.List[typing.Any]:
        '''
        :schema: ApplicationSetSpecGeneratorsList#elements
        '''
        result = self._values.get("elements")
        assert result is not None, "Required property 'elements' is missing"
        return typing.cast(typing.List[typing.Any], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecGeneratorsList(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSetSpecSyncPolicy",
    jsii_struct_bases=[],
    name_mapping={
        "applications_sync": "applicationsSync",
        "preserve_resources_on_deletion": "preserveResourcesOnDeletion",
    },
)
class ApplicationSetSpecSyncPolicy:
    def __init__(
        self,
        *,
        applications_sync: typing.Optional["ApplicationSetSpecSyncPolicyApplicationsSync"] = None,
        preserve_resources_on_deletion: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param applications_sync: 
        :param preserve_resources_on_deletion: 

        :schema: ApplicationSetSpecSyncPolicy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0b8d82e2c1cb8bba1bb5e05a353a7359f6d5fe4142a356ea8b6753116d6fe9e7)
            check_type(argname="argument applications_sync", value=applications_sync, expected_type=type_hints["applications_sync"])
            check_type(argname="argument preserve_resources_on_deletion", value=preserve_resources_on_deletion, expected_type=type_hints["preserve_resources_on_deletion"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if applications_sync is not None:
            self._values["applications_sync"] = applications_sync
        if preserve_resources_on_deletion is not None:
            self._values["preserve_resources_on_deletion"] = preserve_resources_on_deletion

    @builtins.property
    def applications_sync(
        self,
    ) -> typing.Optional["ApplicationSetSpecSyncPolicyApplicationsSync"]:
        '''
        :schema: ApplicationSetSpecSyncPolicy#applicationsSync
        '''
        result = self._values.get("applications_sync")
        return typing.cast(typing.Optional["ApplicationSetSpecSyncPolicyApplicationsSync"], result)

    @builtins.property
    def preserve_resources_on_deletion(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSetSpecSyncPolicy#preserveResourcesOnDeletion
        '''
        result = self._values.get("preserve_resources_on_deletion")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSetSpecSyncPolicy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="ioargoproj.ApplicationSetSpecSyncPolicyApplicationsSync")
class ApplicationSetSpecSyncPolicyApplicationsSync(enum.Enum):
    '''
    :schema: ApplicationSetSpecSyncPolicyApplicationsSync
    '''

    CREATE_HYPHEN_ONLY = "CREATE_HYPHEN_ONLY"
    '''create-only.'''
    CREATE_HYPHEN_UPDATE = "CREATE_HYPHEN_UPDATE"
    '''create-update.'''
    CREATE_HYPHEN_DELETE = "CREATE_HYPHEN_DELETE"
    '''create-delete.'''
    SYNC = "SYNC"
    '''sync.'''


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpec",
    jsii_struct_bases=[],
    name_mapping={
        "destination": "destination",
        "project": "project",
        "ignore_differences": "ignoreDifferences",
        "revision_history_limit": "revisionHistoryLimit",
        "source": "source",
        "sync_policy": "syncPolicy",
    },
)
class ApplicationSpec:
    def __init__(
        self,
        *,
        destination: typing.Union["ApplicationSpecDestination", typing.Dict[builtins.str, typing.Any]],
        project: builtins.str,
        ignore_differences: typing.Optional[typing.Sequence[typing.Union["ApplicationSpecIgnoreDifferences", typing.Dict[builtins.str, typing.Any]]]] = None,
        revision_history_limit: typing.Optional[jsii.Number] = None,
        source: typing.Optional[typing.Union["ApplicationSpecSource", typing.Dict[builtins.str, typing.Any]]] = None,
        sync_policy: typing.Optional[typing.Union["ApplicationSpecSyncPolicy", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param destination: 
        :param project: 
        :param ignore_differences: 
        :param revision_history_limit: 
        :param source: 
        :param sync_policy: 

        :schema: ApplicationSpec
        '''
        if isinstance(destination, dict):
            destination = ApplicationSpecDestination(**destination)
        if isinstance(source, dict):
            source = ApplicationSpecSource(**source)
        if isinstance(sync_policy, dict):
            sync_policy = ApplicationSpecSyncPolicy(**sync_policy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a1f307d49d2573da0fdf411f65384f1f5e43cfe5199a85fa3476e965a2efcc9f)
            check_type(argname="argument destination", value=destination, expected_type=type_hints["destination"])
            check_type(argname="argument project", value=project, expected_type=type_hints["project"])
            check_type(argname="argument ignore_differences", value=ignore_differences, expected_type=type_hints["ignore_differences"])
            check_type(argname="argument revision_history_limit", value=revision_history_limit, expected_type=type_hints["revision_history_limit"])
            check_type(argname="argument source", value=source, expected_type=type_hints["source"])
            check_type(argname="argument sync_policy", value=sync_policy, expected_type=type_hints["sync_policy"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "destination": destination,
            "project": project,
        }
        if ignore_differences is not None:
            self._values["ignore_differences"] = ignore_differences
        if revision_history_limit is not None:
            self._values["revision_history_limit"] = revision_history_limit
        if source is not None:
            self._values["source"] = source
        if sync_policy is not None:
            self._values["sync_policy"] = sync_policy

    @builtins.property
    def destination(self) -> "ApplicationSpecDestination":
        '''
        :schema: ApplicationSpec#destination
        '''
        result = self._values.get("destination")
        assert result is not None, "Required property 'destination' is missing"
        return typing.cast("ApplicationSpecDestination", result)

    @builtins.property
    def project(self) -> builtins.str:
        '''
        :schema: ApplicationSpec#project
        '''
        result = self._values.get("project")
        assert result is not None, "Required property 'project' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def ignore_differences(
        self,
    ) -> typing.Optional[typing.List["ApplicationSpecIgnoreDifferences"]]:
        '''
        :schema: ApplicationSpec#ignoreDifferences
        '''
        result = self._values.get("ignore_differences")
        return typing.cast(typing.Optional[typing.List["ApplicationSpecIgnoreDifferences"]], result)

    @builtins.property
    def revision_history_limit(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ApplicationSpec#revisionHistoryLimit
        '''
        result = self._values.get("revision_history_limit")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def source(self) -> typing.Optional["ApplicationSpecSource"]:
        '''
        :schema: ApplicationSpec#source
        '''
        result = self._values.get("source")
        return typing.cast(typing.Optional["ApplicationSpecSource"], result)

    @builtins.property
    def sync_policy(self) -> typing.Optional["ApplicationSpecSyncPolicy"]:
        '''
        :schema: ApplicationSpec#syncPolicy
        '''
        result = self._values.get("sync_policy")
        return typing.cast(typing.Optional["ApplicationSpecSyncPolicy"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecDestination",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace", "server": "server"},
)
class ApplicationSpecDestination:
    def __init__(
        self,
        *,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
        server: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param name: 
        :param namespace: 
        :param server: 

        :schema: ApplicationSpecDestination
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9238a4351184347c423d2fe1d83049e3b26008d848bd55db0649cec36ea400cc)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
            check_type(argname="argument server", value=server, expected_type=type_hints["server"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if name is not None:
            self._values["name"] = name
        if namespace is not None:
            self._values["namespace"] = namespace
        if server is not None:
            self._values["server"] = server

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecDestination#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecDestination#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def server(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecDestination#server
        '''
        result = self._values.get("server")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecDestination(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecIgnoreDifferences",
    jsii_struct_bases=[],
    name_mapping={
        "kind": "kind",
        "group": "group",
        "jq_path_expressions": "jqPathExpressions",
        "json_pointers": "jsonPointers",
        "managed_fields_managers": "managedFieldsManagers",
        "name": "name",
        "namespace": "namespace",
    },
)
class ApplicationSpecIgnoreDifferences:
    def __init__(
        self,
        *,
        kind: builtins.str,
        group: typing.Optional[builtins.str] = None,
        jq_path_expressions: typing.Optional[typing.Sequence[builtins.str]] = None,
        json_pointers: typing.Optional[typing.Sequence[builtins.str]] = None,
        managed_fields_managers: typing.Optional[typing.Sequence[builtins.str]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param kind: 
        :param group: 
        :param jq_path_expressions: 
        :param json_pointers: 
        :param managed_fields_managers: 
        :param name: 
        :param namespace: 

        :schema: ApplicationSpecIgnoreDifferences
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__574c58e871387b541eae3bcf761bc3c157e86a493ef79d8c8c05cc54c889338b)
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument group", value=group, expected_type=type_hints["group"])
            check_type(argname="argument jq_path_expressions", value=jq_path_expressions, expected_type=type_hints["jq_path_expressions"])
            check_type(argname="argument json_pointers", value=json_pointers, expected_type=type_hints["json_pointers"])
            check_type(argname="argument managed_fields_managers", value=managed_fields_managers, expected_type=type_hints["managed_fields_managers"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "kind": kind,
        }
        if group is not None:
            self._values["group"] = group
        if jq_path_expressions is not None:
            self._values["jq_path_expressions"] = jq_path_expressions
        if json_pointers is not None:
            self._values["json_pointers"] = json_pointers
        if managed_fields_managers is not None:
            self._values["managed_fields_managers"] = managed_fields_managers
        if name is not None:
            self._values["name"] = name
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def kind(self) -> builtins.str:
        '''
        :schema: ApplicationSpecIgnoreDifferences#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def group(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecIgnoreDifferences#group
        '''
        result = self._values.get("group")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def jq_path_expressions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ApplicationSpecIgnoreDifferences#jqPathExpressions
        '''
        result = self._values.get("jq_path_expressions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def json_pointers(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ApplicationSpecIgnoreDifferences#jsonPointers
        '''
        result = self._values.get("json_pointers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def managed_fields_managers(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ApplicationSpecIgnoreDifferences#managedFieldsManagers
        '''
        result = self._values.get("managed_fields_managers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecIgnoreDifferences#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecIgnoreDifferences#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecIgnoreDifferences(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecSource",
    jsii_struct_bases=[],
    name_mapping={
        "repo_url": "repoUrl",
        "directory": "directory",
        "path": "path",
        "target_revision": "targetRevision",
    },
)
class ApplicationSpecSource:
    def __init__(
        self,
        *,
        repo_url: builtins.str,
        directory: typing.Optional[typing.Union["ApplicationSpecSourceDirectory", typing.Dict[builtins.str, typing.Any]]] = None,
        path: typing.Optional[builtins.str] = None,
        target_revision: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param repo_url: 
        :param directory: 
        :param path: 
        :param target_revision: 

        :schema: ApplicationSpecSource
        '''
        if isinstance(directory, dict):
            directory = ApplicationSpecSourceDirectory(**directory)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9e157c6d056b54b1b5d1fbf7e83e1fc4beeddb70bdce85c5f9d6a7eefb0b149f)
            check_type(argname="argument repo_url", value=repo_url, expected_type=type_hints["repo_url"])
            check_type(argname="argument directory", value=directory, expected_type=type_hints["directory"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument target_revision", value=target_revision, expected_type=type_hints["target_revision"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "repo_url": repo_url,
        }
        if directory is not None:
            self._values["directory"] = directory
        if path is not None:
            self._values["path"] = path
        if target_revision is not None:
            self._values["target_revision"] = target_revision

    @builtins.property
    def repo_url(self) -> builtins.str:
        '''
        :schema: ApplicationSpecSource#repoURL
        '''
        result = self._values.get("repo_url")
        assert result is not None, "Required property 'repo_url' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def directory(self) -> typing.Optional["ApplicationSpecSourceDirectory"]:
        '''
        :schema: ApplicationSpecSource#directory
        '''
        result = self._values.get("directory")
        return typing.cast(typing.Optional["ApplicationSpecSourceDirectory"], result)

    @builtins.property
    def path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecSource#path
        '''
        result = self._values.get("path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def target_revision(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecSource#targetRevision
        '''
        result = self._values.get("target_revision")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecSource(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecSourceDirectory",
    jsii_struct_bases=[],
    name_mapping={"recurse": "recurse"},
)
class ApplicationSpecSourceDirectory:
    def __init__(self, *, recurse: typing.Optional[builtins.bool] = None) -> None:
        '''
        :param recurse: 

        :schema: ApplicationSpecSourceDirectory
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fefb1318b48ea3fb382bc321682e8a64abdc9207410353cc534e21613fdb026e)
            check_type(argname="argument recurse", value=recurse, expected_type=type_hints["recurse"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if recurse is not None:
            self._values["recurse"] = recurse

    @builtins.property
    def recurse(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSpecSourceDirectory#recurse
        '''
        result = self._values.get("recurse")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecSourceDirectory(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecSyncPolicy",
    jsii_struct_bases=[],
    name_mapping={
        "automated": "automated",
        "retry": "retry",
        "sync_options": "syncOptions",
    },
)
class ApplicationSpecSyncPolicy:
    def __init__(
        self,
        *,
        automated: typing.Optional[typing.Union["ApplicationSpecSyncPolicyAutomated", typing.Dict[builtins.str, typing.Any]]] = None,
        retry: typing.Optional[typing.Union["ApplicationSpecSyncPolicyRetry", typing.Dict[builtins.str, typing.Any]]] = None,
        sync_options: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''
        :param automated: 
        :param retry: 
        :param sync_options: 

        :schema: ApplicationSpecSyncPolicy
        '''
        if isinstance(automated, dict):
            automated = ApplicationSpecSyncPolicyAutomated(**automated)
        if isinstance(retry, dict):
            retry = ApplicationSpecSyncPolicyRetry(**retry)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__37ec1e9e8005da2f9d06eb788a8c00a3a2fc731d5f2582b16531ee84aca025b4)
            check_type(argname="argument automated", value=automated, expected_type=type_hints["automated"])
            check_type(argname="argument retry", value=retry, expected_type=type_hints["retry"])
            check_type(argname="argument sync_options", value=sync_options, expected_type=type_hints["sync_options"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if automated is not None:
            self._values["automated"] = automated
        if retry is not None:
            self._values["retry"] = retry
        if sync_options is not None:
            self._values["sync_options"] = sync_options

    @builtins.property
    def automated(self) -> typing.Optional["ApplicationSpecSyncPolicyAutomated"]:
        '''
        :schema: ApplicationSpecSyncPolicy#automated
        '''
        result = self._values.get("automated")
        return typing.cast(typing.Optional["ApplicationSpecSyncPolicyAutomated"], result)

    @builtins.property
    def retry(self) -> typing.Optional["ApplicationSpecSyncPolicyRetry"]:
        '''
        :schema: ApplicationSpecSyncPolicy#retry
        '''
        result = self._values.get("retry")
        return typing.cast(typing.Optional["ApplicationSpecSyncPolicyRetry"], result)

    @builtins.property
    def sync_options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: ApplicationSpecSyncPolicy#syncOptions
        '''
        result = self._values.get("sync_options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecSyncPolicy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecSyncPolicyAutomated",
    jsii_struct_bases=[],
    name_mapping={
        "allow_empty": "allowEmpty",
        "prune": "prune",
        "self_heal": "selfHeal",
    },
)
class ApplicationSpecSyncPolicyAutomated:
    def __init__(
        self,
        *,
        allow_empty: typing.Optional[builtins.bool] = None,
        prune: typing.Optional[builtins.bool] = None,
        self_heal: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param allow_empty: 
        :param prune: 
        :param self_heal: 

        :schema: ApplicationSpecSyncPolicyAutomated
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__dff153fe3cbffa991a31c91e3b2f2a0f66ec9020573e30accffb431b4031708f)
            check_type(argname="argument allow_empty", value=allow_empty, expected_type=type_hints["allow_empty"])
            check_type(argname="argument prune", value=prune, expected_type=type_hints["prune"])
            check_type(argname="argument self_heal", value=self_heal, expected_type=type_hints["self_heal"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if allow_empty is not None:
            self._values["allow_empty"] = allow_empty
        if prune is not None:
            self._values["prune"] = prune
        if self_heal is not None:
            self._values["self_heal"] = self_heal

    @builtins.property
    def allow_empty(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSpecSyncPolicyAutomated#allowEmpty
        '''
        result = self._values.get("allow_empty")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def prune(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSpecSyncPolicyAutomated#prune
        '''
        result = self._values.get("prune")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def self_heal(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: ApplicationSpecSyncPolicyAutomated#selfHeal
        '''
        result = self._values.get("self_heal")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecSyncPolicyAutomated(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecSyncPolicyRetry",
    jsii_struct_bases=[],
    name_mapping={"backoff": "backoff", "limit": "limit"},
)
class ApplicationSpecSyncPolicyRetry:
    def __init__(
        self,
        *,
        backoff: typing.Optional[typing.Union["ApplicationSpecSyncPolicyRetryBackoff", typing.Dict[builtins.str, typing.Any]]] = None,
        limit: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''
        :param backoff: 
        :param limit: 

        :schema: ApplicationSpecSyncPolicyRetry
        '''
        if isinstance(backoff, dict):
            backoff = ApplicationSpecSyncPolicyRetryBackoff(**backoff)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9056530bc9b98c6462dff4d26f05b391b1eaa261eb2ecf8b0c69bdbb90c09af9)
            check_type(argname="argument backoff", value=backoff, expected_type=type_hints["backoff"])
            check_type(argname="argument limit", value=limit, expected_type=type_hints["limit"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if backoff is not None:
            self._values["backoff"] = backoff
        if limit is not None:
            self._values["limit"] = limit

    @builtins.property
    def backoff(self) -> typing.Optional["ApplicationSpecSyncPolicyRetryBackoff"]:
        '''
        :schema: ApplicationSpecSyncPolicyRetry#backoff
        '''
        result = self._values.get("backoff")
        return typing.cast(typing.Optional["ApplicationSpecSyncPolicyRetryBackoff"], result)

    @builtins.property
    def limit(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ApplicationSpecSyncPolicyRetry#limit
        '''
        result = self._values.get("limit")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecSyncPolicyRetry(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="ioargoproj.ApplicationSpecSyncPolicyRetryBackoff",
    jsii_struct_bases=[],
    name_mapping={
        "duration": "duration",
        "factor": "factor",
        "max_duration": "maxDuration",
    },
)
class ApplicationSpecSyncPolicyRetryBackoff:
    def __init__(
        self,
        *,
        duration: typing.Optional[builtins.str] = None,
        factor: typing.Optional[jsii.Number] = None,
        max_duration: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param duration: 
        :param factor: 
        :param max_duration: 

        :schema: ApplicationSpecSyncPolicyRetryBackoff
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__70fbb090c407cad08c8096da23e6eb65ab2e11b7ad450b134f29f62907170d45)
            check_type(argname="argument duration", value=duration, expected_type=type_hints["duration"])
            check_type(argname="argument factor", value=factor, expected_type=type_hints["factor"])
            check_type(argname="argument max_duration", value=max_duration, expected_type=type_hints["max_duration"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if duration is not None:
            self._values["duration"] = duration
        if factor is not None:
            self._values["factor"] = factor
        if max_duration is not None:
            self._values["max_duration"] = max_duration

    @builtins.property
    def duration(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecSyncPolicyRetryBackoff#duration
        '''
        result = self._values.get("duration")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def factor(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: ApplicationSpecSyncPolicyRetryBackoff#factor
        '''
        result = self._values.get("factor")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def max_duration(self) -> typing.Optional[builtins.str]:
        '''
        :schema: ApplicationSpecSyncPolicyRetryBackoff#maxDuration
        '''
        result = self._values.get("max_duration")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ApplicationSpecSyncPolicyRetryBackoff(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "AppProject",
    "AppProjectProps",
    "AppProjectSpec",
    "AppProjectSpecClusterResourceWhitelist",
    "AppProjectSpecDestinations",
    "AppProjectSpecNamespaceResourceWhitelist",
    "Application",
    "ApplicationProps",
    "ApplicationSet",
    "ApplicationSetProps",
    "ApplicationSetSpec",
    "ApplicationSetSpecGenerators",
    "ApplicationSetSpecGeneratorsClusters",
    "ApplicationSetSpecGeneratorsClustersSelector",
    "ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions",
    "ApplicationSetSpecGeneratorsGit",
    "ApplicationSetSpecGeneratorsGitDirectories",
    "ApplicationSetSpecGeneratorsList",
    "ApplicationSetSpecSyncPolicy",
    "ApplicationSetSpecSyncPolicyApplicationsSync",
    "ApplicationSpec",
    "ApplicationSpecDestination",
    "ApplicationSpecIgnoreDifferences",
    "ApplicationSpecSource",
    "ApplicationSpecSourceDirectory",
    "ApplicationSpecSyncPolicy",
    "ApplicationSpecSyncPolicyAutomated",
    "ApplicationSpecSyncPolicyRetry",
    "ApplicationSpecSyncPolicyRetryBackoff",
]

publication.publish()

def _typecheckingstub__55be0a52f18acf3787b7c5cb2ff1892e30d89c103a580e1e1ea21d1b27f749a8(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[AppProjectSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7c9d737c2bb68f2a5d3c5dd8cbf4e60345db2874ac6bd1ab23c5dcc3ff3ccfaa(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[AppProjectSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cfd401a490e302e6849a76313748b104c693a07dbc6f25de00fec11d20981a01(
    *,
    cluster_resource_whitelist: typing.Optional[typing.Sequence[typing.Union[AppProjectSpecClusterResourceWhitelist, typing.Dict[builtins.str, typing.Any]]]] = None,
    description: typing.Optional[builtins.str] = None,
    destinations: typing.Optional[typing.Sequence[typing.Union[AppProjectSpecDestinations, typing.Dict[builtins.str, typing.Any]]]] = None,
    namespace_resource_whitelist: typing.Optional[typing.Sequence[typing.Union[AppProjectSpecNamespaceResourceWhitelist, typing.Dict[builtins.str, typing.Any]]]] = None,
    source_repos: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__da54887346d884419379874958a4613ff94ef2d5e2cb4ce7091c6facb942cb77(
    *,
    group: builtins.str,
    kind: builtins.str,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__65ad8c6736c41bcee92f6d3c75eb7ab8d772e9db2c83b0ccefb46a5e5f620382(
    *,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
    server: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c74506df4f931a75e99289dc748dbcb5e0b93b7bb1f9aa59318a09ca572273de(
    *,
    group: builtins.str,
    kind: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9fadc55084560f240c2c9e6a99b09bb072446fb64fdbc835fefe1e6223a2cc52(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[ApplicationSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5ca23bf220d592849372e0bd99f10e3ce28c86c57e545253a959e91aed82183a(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[ApplicationSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f5a21242cdf4dac363c1ce49a3236f210d2c938060dea6a7a3a84f602c89dc95(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[ApplicationSetSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d7ee205516d3c5104f3388f0160e02da7f2fd644a8813d4e8d7b39a005839117(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[ApplicationSetSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__35685366d2073647fd9032fb5bb5fad524b85602961c69fe942173fadaab74e3(
    *,
    generators: typing.Sequence[typing.Union[ApplicationSetSpecGenerators, typing.Dict[builtins.str, typing.Any]]],
    template: typing.Any,
    go_template: typing.Optional[builtins.bool] = None,
    go_template_options: typing.Optional[typing.Sequence[builtins.str]] = None,
    sync_policy: typing.Optional[typing.Union[ApplicationSetSpecSyncPolicy, typing.Dict[builtins.str, typing.Any]]] = None,
    template_patch: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a4a3f86eb47521005c22d39d52f091df9f18698c0758ba745a248039cea26cbf(
    *,
    clusters: typing.Optional[typing.Union[ApplicationSetSpecGeneratorsClusters, typing.Dict[builtins.str, typing.Any]]] = None,
    git: typing.Optional[typing.Union[ApplicationSetSpecGeneratorsGit, typing.Dict[builtins.str, typing.Any]]] = None,
    list: typing.Optional[typing.Union[ApplicationSetSpecGeneratorsList, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1340444804bf45bb10f96af84318b344334d75a0a8339adf84042d501abd0809(
    *,
    selector: typing.Optional[typing.Union[ApplicationSetSpecGeneratorsClustersSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    values: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6b5da8870eaccae0e45a5f9b74ee0360f10148a6eb5d69430fe28e455e54caff(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[ApplicationSetSpecGeneratorsClustersSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__74ad3065c26b3ec4e1aea2a27a356e1ae3aa01b0d1c2ccd55bf8b5d413b8a0ae(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7d504e0eacd298e4dd7afae25c197e26fc30d997d6f1b6fa2322cddefba5c005(
    *,
    repo_url: builtins.str,
    revision: builtins.str,
    directories: typing.Optional[typing.Sequence[typing.Union[ApplicationSetSpecGeneratorsGitDirectories, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9377085fd0dbe8196d83e269015ed9f72430db10e45317743eb7af4ae87f8d8f(
    *,
    path: builtins.str,
    exclude: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e06957f8643f1a172ca70e5e7520553fe62c5813e59ab04b47212a9c32b910d3(
    *,
    elements: typing.Sequence[typing.Any],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0b8d82e2c1cb8bba1bb5e05a353a7359f6d5fe4142a356ea8b6753116d6fe9e7(
    *,
    applications_sync: typing.Optional[ApplicationSetSpecSyncPolicyApplicationsSync] = None,
    preserve_resources_on_deletion: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a1f307d49d2573da0fdf411f65384f1f5e43cfe5199a85fa3476e965a2efcc9f(
    *,
    destination: typing.Union[ApplicationSpecDestination, typing.Dict[builtins.str, typing.Any]],
    project: builtins.str,
    ignore_differences: typing.Optional[typing.Sequence[typing.Union[ApplicationSpecIgnoreDifferences, typing.Dict[builtins.str, typing.Any]]]] = None,
    revision_history_limit: typing.Optional[jsii.Number] = None,
    source: typing.Optional[typing.Union[ApplicationSpecSource, typing.Dict[builtins.str, typing.Any]]] = None,
    sync_policy: typing.Optional[typing.Union[ApplicationSpecSyncPolicy, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9238a4351184347c423d2fe1d83049e3b26008d848bd55db0649cec36ea400cc(
    *,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
    server: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__574c58e871387b541eae3bcf761bc3c157e86a493ef79d8c8c05cc54c889338b(
    *,
    kind: builtins.str,
    group: typing.Optional[builtins.str] = None,
    jq_path_expressions: typing.Optional[typing.Sequence[builtins.str]] = None,
    json_pointers: typing.Optional[typing.Sequence[builtins.str]] = None,
    managed_fields_managers: typing.Optional[typing.Sequence[builtins.str]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9e157c6d056b54b1b5d1fbf7e83e1fc4beeddb70bdce85c5f9d6a7eefb0b149f(
    *,
    repo_url: builtins.str,
    directory: typing.Optional[typing.Union[ApplicationSpecSourceDirectory, typing.Dict[builtins.str, typing.Any]]] = None,
    path: typing.Optional[builtins.str] = None,
    target_revision: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fefb1318b48ea3fb382bc321682e8a64abdc9207410353cc534e21613fdb026e(
    *,
    recurse: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__37ec1e9e8005da2f9d06eb788a8c00a3a2fc731d5f2582b16531ee84aca025b4(
    *,
    automated: typing.Optional[typing.Union[ApplicationSpecSyncPolicyAutomated, typing.Dict[builtins.str, typing.Any]]] = None,
    retry: typing.Optional[typing.Union[ApplicationSpecSyncPolicyRetry, typing.Dict[builtins.str, typing.Any]]] = None,
    sync_options: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__dff153fe3cbffa991a31c91e3b2f2a0f66ec9020573e30accffb431b4031708f(
    *,
    allow_empty: typing.Optional[builtins.bool] = None,
    prune: typing.Optional[builtins.bool] = None,
    self_heal: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9056530bc9b98c6462dff4d26f05b391b1eaa261eb2ecf8b0c69bdbb90c09af9(
    *,
    backoff: typing.Optional[typing.Union[ApplicationSpecSyncPolicyRetryBackoff, typing.Dict[builtins.str, typing.Any]]] = None,
    limit: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__70fbb090c407cad08c8096da23e6eb65ab2e11b7ad450b134f29f62907170d45(
    *,
    duration: typing.Optional[builtins.str] = None,
    factor: typing.Optional[jsii.Number] = None,
    max_duration: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
