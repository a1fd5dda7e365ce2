"""GraphML of the actor network, for Gephi and networkx.

Nodes are actors (name, type, country, article count). Two kinds of edges, told apart by the
``kind`` attribute: ``cooccurrence`` (both actors mentioned in the same articles; ``weight`` =
articles) and ``event`` (source → target; ``event_type`` = PLOVER type, ``weight`` = events).
A MultiDiGraph keeps both kinds, and one event edge per type, between the same pair. Every
edge of the store is written: there is no cap.
"""

from __future__ import annotations

import sqlite3
from typing import BinaryIO

import networkx as nx

from warta.store import analytics


def actor_graph(conn: sqlite3.Connection, *, actor_id: str | None = None) -> nx.MultiDiGraph:
    """The actor network as a networkx graph (the whole store, or one actor's neighbourhood):
    every edge, however many (the explorer's picture is the one that keeps only the strongest)."""
    net = analytics.actor_network(conn, actor_id=actor_id, limit=None)
    graph = nx.MultiDiGraph()
    for node_id, node in net.nodes.items():
        # GraphML has no null: absent values are left out of the node's attributes.
        graph.add_node(node_id, **{k: v for k, v in node.items() if k != "id" and v is not None})
    for edge in net.cooccurrence:
        graph.add_edge(edge["a"], edge["b"], kind="cooccurrence", weight=edge["articles"])
    for edge in net.interactions:
        graph.add_edge(edge["source"], edge["target"], kind="event", event_type=edge["type"],
                       weight=edge["events"])
    return graph


def export_graphml(conn: sqlite3.Connection, out: BinaryIO, *, progress: bool = False) -> int:
    """Write the whole actor network as GraphML; return the number of edges."""
    graph = actor_graph(conn)
    nx.write_graphml(graph, out, encoding="utf-8")
    edges: int = graph.number_of_edges()
    return edges
