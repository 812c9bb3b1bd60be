"""Reading SHACL shapes files into the model the fast engine compiles (the subset it supports)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path as FilePath

from pyoxigraph import BlankNode, Literal, NamedNode, Store

from kg.errors import SourceError
from kg.store.dataset import load_store
from kg.validation.shacl.model import Constraint, Path, Shape, SparqlCheck, Term
from kg.validation.shacl.vocabulary import (
    RDF_FIRST,
    RDF_NIL,
    RDF_REST,
    RDF_TYPE,
    SH,
    VIOLATION,
    sh,
)

# parameter -> (constraint component, how the parameter's value is read)
COMPONENTS = {
    "minCount": ("MinCountConstraintComponent", "integer"),
    "maxCount": ("MaxCountConstraintComponent", "integer"),
    "datatype": ("DatatypeConstraintComponent", "term"),
    "class": ("ClassConstraintComponent", "term"),
    "nodeKind": ("NodeKindConstraintComponent", "term"),
    "languageIn": ("LanguageInConstraintComponent", "list"),
    "uniqueLang": ("UniqueLangConstraintComponent", "boolean"),
    "in": ("InConstraintComponent", "list"),
    "hasValue": ("HasValueConstraintComponent", "term"),
    "minInclusive": ("MinInclusiveConstraintComponent", "term"),
    "minExclusive": ("MinExclusiveConstraintComponent", "term"),
    "maxInclusive": ("MaxInclusiveConstraintComponent", "term"),
    "maxExclusive": ("MaxExclusiveConstraintComponent", "term"),
    "pattern": ("PatternConstraintComponent", "term"),
}
NODE_SHAPE_COMPONENTS = {"nodeKind"}
STRUCTURE = {"targetClass", "property", "path", "severity", "message", "sparql", "flags"}
ANNOTATIONS = {"name", "description", "order", "group"}


class ShapeError(SourceError):
    """A shape the fast engine cannot run exactly as pyshacl would."""


def shape_files(location: FilePath) -> list[FilePath]:
    """The Turtle files of a shapes directory, or the one file given."""
    if not location.exists():
        raise SourceError(location, None, "no such file or directory")
    if location.is_dir():
        files = sorted(location.glob("*.ttl"))
        if not files:
            raise SourceError(location, None, "no shapes (*.ttl) in this directory")
        return files
    return [location]


def load_shapes(files: Sequence[FilePath]) -> tuple[Store, list[Shape]]:
    """The shapes graph, and every shape in it to evaluate (property shapes carry their targets)."""
    store = load_store(files)
    origin = ", ".join(str(f) for f in files)
    shapes: list[Shape] = []
    for node in sorted(subjects_of_type(store, sh("NodeShape")), key=str):
        targets = tuple(named(store, node, "targetClass", origin))
        shapes.append(read_shape(store, node, targets, None, origin))
        for prop in sorted(objects(store, node, sh("property")), key=str):
            path = read_path(store, prop, origin)
            shapes.append(read_shape(store, as_named(prop, origin), targets, path, origin))
    check_single_parent(store, origin)
    return store, shapes


def read_shape(
    store: Store, node: NamedNode, targets: tuple[NamedNode, ...], path: Path | None, origin: str
) -> Shape:
    check_vocabulary(store, node, origin)
    severities = list(objects(store, node, sh("severity")))
    messages = tuple(literals(store, node, sh("message")))
    constraints = tuple(read_constraints(store, node, path is not None, origin))
    if constraints and not messages:
        raise ShapeError(origin, None, f"shape {node} has no sh:message (give one in zh and en)")
    if path is not None and (sparql_nodes(store, node) or targets_of(store, node)):
        raise ShapeError(origin, None, f"property shape {node}: no sh:sparql or targets here")
    return Shape(
        node=node,
        targets=targets,
        severity=as_named(severities[0], origin) if severities else VIOLATION,
        messages=messages,
        path=path,
        constraints=constraints,
        checks=tuple(
            read_check(store, as_named(c, origin), origin) for c in sparql_nodes(store, node)
        ),
    )


def targets_of(store: Store, node: NamedNode) -> list[Term]:
    return list(objects(store, node, sh("targetClass")))


def read_constraints(store: Store, node: NamedNode, is_property: bool, origin: str):
    for parameter, (component, kind) in COMPONENTS.items():
        values = list(objects(store, node, sh(parameter)))
        if not values:
            continue
        if not is_property and parameter not in NODE_SHAPE_COMPONENTS:
            raise ShapeError(origin, None, f"node shape {node}: sh:{parameter} is not supported")
        if len(values) > 1:
            raise ShapeError(origin, None, f"shape {node} has more than one sh:{parameter}")
        value = values[0]
        parameters: dict[str, object] = {parameter: read_value(store, value, kind, origin)}
        if parameter == "pattern":
            flags = list(objects(store, node, sh("flags")))
            parameters["flags"] = flags[0].value if flags else ""
        yield Constraint(sh(component), parameters)


def read_value(store: Store, value: Term, kind: str, origin: str) -> object:
    if kind == "integer":
        return int(value.value)
    if kind == "boolean":
        return isinstance(value, Literal) and value.value == "true"
    if kind == "list":
        return tuple(rdf_list(store, value, origin))
    return value


def read_check(store: Store, node: NamedNode, origin: str) -> SparqlCheck:
    selects = list(literals(store, node, sh("select")))
    if len(selects) != 1:
        raise ShapeError(origin, None, f"SPARQL constraint {node} needs exactly one sh:select")
    select = selects[0].value
    if "$this" not in select.split("{", 1)[0]:
        raise ShapeError(origin, None, f"SPARQL constraint {node} must SELECT $this")
    messages = tuple(literals(store, node, sh("message")))
    if not messages:
        raise ShapeError(origin, None, f"SPARQL constraint {node} has no sh:message")
    return SparqlCheck(node, select, declared_prefixes(store, node, origin), messages)


def declared_prefixes(store: Store, node: NamedNode, origin: str) -> dict[str, str]:
    prefixes: dict[str, str] = {}
    for owner in objects(store, node, sh("prefixes")):
        for declaration in objects(store, owner, sh("declare")):
            prefix = next(literals(store, declaration, sh("prefix")))
            namespace = next(objects(store, declaration, sh("namespace")))
            prefixes[prefix.value] = namespace.value
    return prefixes


def read_path(store: Store, shape: Term, origin: str) -> Path:
    paths = list(objects(store, shape, sh("path")))
    if len(paths) != 1:
        raise ShapeError(origin, None, f"property shape {shape} needs exactly one sh:path")
    path = paths[0]
    if isinstance(path, NamedNode):
        return Path(path)
    inverse = list(objects(store, path, sh("inversePath")))
    if len(inverse) == 1 and isinstance(inverse[0], NamedNode):
        return Path(inverse[0], inverse=True)
    raise ShapeError(
        origin, None, f"property shape {shape}: only IRIs and sh:inversePath are supported"
    )


def check_vocabulary(store: Store, node: NamedNode, origin: str) -> None:
    """Refuse SHACL terms this engine does not implement, rather than ignore them."""
    known = set(COMPONENTS) | STRUCTURE | ANNOTATIONS
    for quad in store.quads_for_pattern(node, None, None):
        name = quad.predicate.value
        if name.startswith(SH) and name[len(SH) :] not in known:
            raise ShapeError(origin, None, f"shape {node}: sh:{name[len(SH) :]} is not supported")


def check_single_parent(store: Store, origin: str) -> None:
    parents: dict[Term, Term] = {}
    for quad in store.quads_for_pattern(None, sh("property"), None):
        if parents.setdefault(quad.object, quad.subject) != quad.subject:
            raise ShapeError(origin, None, f"property shape {quad.object} has two node shapes")


def sparql_nodes(store: Store, node: NamedNode) -> list[Term]:
    return sorted(objects(store, node, sh("sparql")), key=str)


def subjects_of_type(store: Store, cls: NamedNode) -> Iterator[NamedNode]:
    for quad in store.quads_for_pattern(None, RDF_TYPE, cls):
        if isinstance(quad.subject, BlankNode):
            raise SourceError("shapes", None, f"node shapes need IRIs (a blank node is a {cls})")
        yield quad.subject


def objects(store: Store, subject: Term, predicate: NamedNode) -> Iterator[Term]:
    return (quad.object for quad in store.quads_for_pattern(subject, predicate, None))


def literals(store: Store, subject: Term, predicate: NamedNode) -> Iterator[Literal]:
    return (o for o in objects(store, subject, predicate) if isinstance(o, Literal))


def named(store: Store, subject: Term, name: str, origin: str) -> Iterator[NamedNode]:
    return (as_named(o, origin) for o in objects(store, subject, sh(name)))


def as_named(term: Term, origin: str) -> NamedNode:
    if not isinstance(term, NamedNode):
        raise ShapeError(origin, None, f"shapes and their targets need IRIs, not {term}")
    return term


def rdf_list(store: Store, head: Term, origin: str) -> Iterator[Term]:
    while head != RDF_NIL:
        firsts = list(objects(store, head, RDF_FIRST))
        rests = list(objects(store, head, RDF_REST))
        if len(firsts) != 1 or len(rests) != 1:
            raise ShapeError(origin, None, f"malformed RDF list at {head}")
        yield firsts[0]
        head = rests[0]
