"""No two modules of archive_app import each other, directly or round a longer circle, not
even through imports made only for the type checker."""

from __future__ import annotations

import grimp
import pytest


def import_cycles(package: str, *, type_checking: bool = False) -> list[tuple[str, ...]]:
    """The package's import cycles at run time; grimp's graph holds the imports inside
    functions too. Those under `if TYPE_CHECKING:` run only for mypy, and count only when
    `type_checking` is true."""
    graph = grimp.build_graph(
        package, exclude_type_checking_imports=not type_checking, cache_dir=None
    )
    return cycles({m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules})


def cycles(edges: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """The strongly connected components of more than one node (Tarjan, iteratively), each
    sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[tuple[str, ...]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]  # a module and how many of its imports were followed
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if position < len(targets):
                work.append((node, position + 1))
                target = targets[position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while not component or component[-1] != node:
                    component.append(stack.pop())
                    on_stack.discard(component[-1])
                if len(component) > 1:
                    found.append(tuple(sorted(component)))
            if work:  # back in the module that imported this one
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(found)


def test_the_finder_sees_circles_and_nothing_else() -> None:
    edges = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": ["e"], "e": ["d"], "f": ["a"]}
    assert cycles(edges) == [("a", "b", "c"), ("d", "e")]
    assert cycles({"p": ["p.x"], "p.x": [], "q": []}) == []


@pytest.mark.parametrize("type_checking", [False, True], ids=["run time", "with TYPE_CHECKING"])
def test_no_module_imports_itself_round_a_circle(type_checking: bool) -> None:
    assert import_cycles("archive_app", type_checking=type_checking) == []
