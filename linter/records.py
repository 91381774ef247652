"""``@record``: slotted value classes, cheap to create at start-up.

Why not ``dataclasses``: importing it loads ``inspect`` (and through it half
the standard library), and each frozen, slotted dataclass costs about 450 µs
to create, because Python compiles half a dozen generated methods for it and
then builds the class a second time. cllint defines some fifty such classes
(the model, findings, license files) and a pre-commit run of one file pays
for all of them. ``@record`` keeps the class body exactly as a dataclass
reads – annotated fields, defaults, ``field(default_factory=...)`` – and
builds the slotted class once; the one generated method, ``__init__``, is
compiled the first time the class is instantiated (many classes never are in
a given run).

What it provides is the subset of dataclasses this project uses: positional
and keyword construction (``kw_only=True`` for keyword only), read-only
instances (``frozen=True``: assigning raises :class:`FrozenInstanceError`, an
``AttributeError`` like dataclasses'), ``__eq__`` and ``__hash__`` over the
compared fields (``field(compare=False)`` leaves one out; a mutable record is
unhashable, as a dataclass is), ordering (``order=True``), ``__repr__``
(``field(repr=False)``) and pickling (frozen slotted objects cross the process
pool). ``typing.dataclass_transform`` tells type checkers it behaves like a
dataclass.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform, overload

    _T = TypeVar("_T", bound=type)
    _R = TypeVar("_R")
else:  # what the decorators do at run time: nothing

    def overload(func: object) -> object:
        return func

    def dataclass_transform(**_options: object) -> object:
        return overload


__all__ = ["FrozenInstanceError", "field", "record"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record."""


class Field:
    """What ``field(...)`` declares about one field."""

    __slots__ = ("compare", "default", "default_factory", "repr")

    def __init__(
        self, default: Any, default_factory: Any, repr: bool = True, compare: bool = True
    ) -> None:
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """A field with a default factory, or left out of ``repr`` / comparisons."""
    return Field(default, default_factory, repr, compare)


class _Spec:
    """A record class's fields, kept on the class as ``__record__``."""

    __slots__ = ("compared", "fields", "frozen", "names", "shown")

    def __init__(self, fields: list[tuple[str, Field, bool]], frozen: bool) -> None:
        self.fields = fields
        self.frozen = frozen
        self.names = tuple(name for name, _f, _kw in fields)
        self.compared = tuple(name for name, f, _kw in fields if f.compare)
        self.shown = tuple(name for name, f, _kw in fields if f.repr)


def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


class _Probe:
    __slots__ = ("slot",)


_SLOT = type(_Probe.__dict__["slot"])
"""The type of a ``__slots__`` member (``member_descriptor``)."""


def _compile_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` of ``cls``, as generated source (as fast as a dataclass's)."""
    spec: _Spec = cls.__record__  # type: ignore[attr-defined]
    env: dict[str, Any] = {"_MISSING": MISSING, "_set": object.__setattr__}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for name, f, kw_only in spec.fields:
        param = name
        value = name
        if f.default_factory is not MISSING:
            env[f"_factory_{name}"] = f.default_factory
            param = f"{name}=_MISSING"
            value = f"_factory_{name}() if {name} is _MISSING else {name}"
        elif f.default is not MISSING:
            env[f"_default_{name}"] = f.default
            param = f"{name}=_default_{name}"
        (keyword if kw_only else positional).append(param)
        if spec.frozen:
            # A slot's own setter skips object.__setattr__'s lookup (about 40% of the
            # cost of building a frozen record: model objects, spans, license lines).
            slot = getattr(cls, name, None)
            if isinstance(slot, _SLOT):
                env[f"_set_{name}"] = slot.__set__
                body.append(f"    _set_{name}(self, {value})")
            else:
                body.append(f"    _set(self, {name!r}, {value})")
        else:
            body.append(f"    self.{name} = {value}")
    params = ["self", *positional]
    if keyword:
        params += ["*", *keyword]
    source = f"def __init__({', '.join(params)}) -> None:\n" + ("\n".join(body) or "    pass")
    exec(source, env)  # the source is built from the class's own field names
    init: Callable[..., None] = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _lazy_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """First construction of a record class: compile its ``__init__``, then use it."""
    cls = type(self)
    owner = next(c for c in cls.__mro__ if c.__dict__.get("__init__") is _lazy_init)
    init = _compile_init(owner)
    owner.__init__ = init  # type: ignore[misc]
    init(self, *args, **kwargs)


def _restore(cls: type, values: tuple[Any, ...]) -> Any:
    """Unpickle a record (frozen ones refuse ``setattr``)."""
    obj: Any = object.__new__(cls)
    for name, value in zip(cls.__record__.names, values, strict=True):  # type: ignore[attr-defined]
        object.__setattr__(obj, name, value)
    return obj


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _build(cls: type, frozen: bool, kw_only: bool, order: bool, eq: bool) -> type:
    inherited: list[tuple[str, Field, bool]] = []
    for base in reversed(cls.__mro__[1:]):
        spec = base.__dict__.get("__record__")
        if spec is not None:
            inherited = [f for f in inherited if f[0] not in spec.names] + spec.fields
    own: list[tuple[str, Field, bool]] = []
    namespace = dict(cls.__dict__)
    for name, annotation in namespace.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = namespace.pop(name, MISSING)
        declared = value if isinstance(value, Field) else Field(value, MISSING)
        own.append((name, declared, kw_only))
    own_names = {name for name, _f, _kw in own}
    fields = [f for f in inherited if f[0] not in own_names] + own
    spec = _Spec(fields, frozen)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = tuple(name for name, _f, _kw in own)
    namespace["__record__"] = spec
    namespace["__match_args__"] = tuple(name for name, _f, kw in fields if not kw)
    if "__init__" not in namespace:
        namespace["__init__"] = _lazy_init
    if "__repr__" not in namespace:
        shown = spec.shown

        def __repr__(self: Any) -> str:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
            return f"{type(self).__qualname__}({inner})"

        namespace["__repr__"] = __repr__
    compared = spec.compared
    key: Callable[[Any], Any]
    if len(compared) == 1:
        one = operator.attrgetter(compared[0])

        def key(obj: Any) -> Any:
            return (one(obj),)
    elif compared:
        key = operator.attrgetter(*compared)
    else:

        def key(obj: Any) -> Any:
            return ()

    if eq and "__eq__" not in namespace:

        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is self.__class__:
                return bool(key(self) == key(other))
            return NotImplemented

        namespace["__eq__"] = __eq__
        if "__hash__" not in namespace or namespace["__hash__"] is None:
            if frozen:

                def __hash__(self: Any) -> int:
                    return hash(key(self))

                namespace["__hash__"] = __hash__
            else:
                namespace["__hash__"] = None
    if order:
        for name, compare in (
            ("__lt__", operator.lt),
            ("__le__", operator.le),
            ("__gt__", operator.gt),
            ("__ge__", operator.ge),
        ):
            namespace[name] = _ordering(compare, key)
    if frozen:
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr

    def __reduce__(self: Any) -> tuple[Any, ...]:
        return (_restore, (type(self), tuple(getattr(self, n) for n in spec.names)))

    namespace["__reduce__"] = __reduce__
    return type(cls)(cls.__name__, cls.__bases__, namespace)


def _ordering(
    compare: Callable[[Any, Any], bool], key: Callable[[Any], Any]
) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return bool(compare(key(self), key(other)))
        return NotImplemented

    return method


@overload
def record(cls: _T, /) -> _T: ...
@overload
def record(  # noqa: F811 - ruff does not know the run-time overload above is typing's
    *,
    frozen: bool = False,
    slots: bool = True,
    kw_only: bool = False,
    order: bool = False,
    eq: bool = True,
) -> Callable[[_T], _T]: ...
@dataclass_transform(field_specifiers=(field,))
def record(  # noqa: F811
    cls: type | None = None,
    /,
    *,
    frozen: bool = False,
    slots: bool = True,
    kw_only: bool = False,
    order: bool = False,
    eq: bool = True,
) -> Any:
    """Make ``cls`` a slotted record (``slots`` is accepted for dataclass parity: always on)."""

    def wrap(klass: type) -> type:
        return _build(klass, frozen, kw_only, order, eq)

    return wrap if cls is None else wrap(cls)


def replace(obj: _R, **changes: Any) -> _R:
    """A copy of the record ``obj`` with ``changes`` (as ``dataclasses.replace``)."""
    spec: _Spec = type(obj).__record__  # type: ignore[attr-defined]
    unknown = set(changes) - set(spec.names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    copy: Any = object.__new__(type(obj))
    for name in spec.names:
        object.__setattr__(copy, name, changes[name] if name in changes else getattr(obj, name))
    result: _R = copy
    return result
