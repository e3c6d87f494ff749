"""GraphML: the actor network. Nodes are canonical actors; a directed edge actor ->
recipient carries `count` and one `count_<TYPE>` attribute per PLOVER event type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

SUFFIX = ".graphml"


def _node_id(entity: dict[str, Any]) -> str:
    return entity.get("kb_id") or entity.get("name") or entity.get("text") or "?"


def _add_node(graph: nx.DiGraph, entity: dict[str, Any]) -> str:
    node = _node_id(entity)
    if node not in graph:
        graph.add_node(node, name=entity.get("name") or entity.get("text") or node,
                       country=entity.get("country") or "", sector=entity.get("sector") or "",
                       events=0)
    graph.nodes[node]["events"] += 1
    return node


def actor_graph(records: Iterable[dict[str, Any]]) -> nx.DiGraph:
    """Build the actor network from event records."""
    graph = nx.DiGraph()
    for record in records:
        kind = f"count_{record.get('event_type')}"
        sources = [_add_node(graph, e) for e in record.get("actor") or []]
        targets = [_add_node(graph, e) for e in record.get("recipient") or []]
        for source in sources:
            for target in targets:
                if source == target:
                    continue
                if not graph.has_edge(source, target):
                    graph.add_edge(source, target, count=0)
                data = graph.edges[source, target]
                data["count"] += 1
                data[kind] = data.get(kind, 0) + 1
    return graph


def write(records: Iterable[dict[str, Any]], path: Path, articles: Mapping[str, dict]) -> int:
    """Write the actor network; returns the number of edges."""
    graph = actor_graph(records)
    # GraphML declares each attribute once with one default: give every edge every key.
    kinds = sorted({k for _, _, d in graph.edges(data=True) for k in d if k.startswith("count_")})
    for _, _, data in graph.edges(data=True):
        for kind in kinds:
            data.setdefault(kind, 0)
    nx.write_graphml(graph, str(path), encoding="utf-8")
    return graph.number_of_edges()
