"""Build the explorer's world map (src/warta/data/map/countries-110m.json) from Natural Earth.

Why a script: the map is committed so that the places page draws offline (no tile server, no
network), and anyone can rebuild it. The source is Natural Earth's 1:110m admin-0 countries
(public domain), as geopandas 0.14 bundled it ('naturalearth_lowres'):

    pip download geopandas==0.14.4 --no-deps -d /tmp/gp
    unzip -o /tmp/gp/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/gp
    pip install pyshp   # reads the shapefile; only this script needs it
    python scripts/build_world_map.py \
        /tmp/gp/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Each country becomes a GeoJSON feature with its ISO-3166 alpha-3 code, its name and a point
inside it (the centroid of its largest ring) where the places page puts a country's circle.
Coordinates are simplified (Douglas-Peucker) and rounded to 0.1 degree — finer than a pixel
of the drawn map — and Antarctica is left out (no news place lies there), so the file stays
small. Rings keep the shapefile's winding (outer rings clockwise), which is what Vega's d3-geo
expects.
"""

from __future__ import annotations

import argparse
import json
import math
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "warta" / "data" / "map" / \
    "countries-110m.json"
TOLERANCE = 0.15  # degrees: Douglas-Peucker tolerance
DIGITS = 1
SOUTH_LIMIT = -60.0  # rings wholly south of this (Antarctica) are dropped
# Natural Earth marks a few countries -99; their own ADM0_A3 is the ISO code in use
ISO_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYN",
             "Somaliland": "SOL"}

Point = tuple[float, float]


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance of ``p`` from the segment ``a``–``b``."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points needed to stay within ``tolerance`` of the line."""
    if len(points) < 3:
        return points
    far, index = 0.0, 0
    for i in range(1, len(points) - 1):
        d = _distance(points[i], points[0], points[-1])
        if d > far:
            far, index = d, i
    if far <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def _ring(points: list[Point]) -> list[list[float]] | None:
    """A closed ring simplified and rounded, or None when too little of it is left."""
    kept = simplify(points, TOLERANCE)
    out: list[list[float]] = []
    for x, y in kept:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def _area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid of a planar ring (lon/lat taken as x/y)."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in pairwise(ring):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a / 2, cx / (3 * a), cy / (3 * a)


def feature(record: dict[str, str], parts: list[list[Point]]) -> dict[str, object] | None:
    rings = [r for r in (_ring(p) for p in parts if max(y for _, y in p) > SOUTH_LIMIT) if r]
    if not rings:
        return None
    # a shapefile ring is outer when clockwise (negative signed area), a hole otherwise
    polygons: list[list[list[list[float]]]] = []
    for ring in rings:
        area, _, _ = _area_centroid(ring)
        if area < 0 or not polygons:
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    biggest = max((p[0] for p in polygons), key=lambda r: abs(_area_centroid(r)[0]))
    _, lon, lat = _area_centroid(biggest)
    iso = record["iso_a3"] if record["iso_a3"] != "-99" else ISO_FIXES.get(record["name"], "")
    return {"type": "Feature",
            "properties": {"iso": iso, "name": record["name"], "lon": round(lon, 2),
                           "lat": round(lat, 2)},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons}}


def build(shp: Path) -> dict[str, object]:
    import shapefile  # pyshp

    reader = shapefile.Reader(str(shp))
    names = [f[0].lower() for f in reader.fields[1:]]
    features = []
    for shape_record in reader.iterShapeRecords():
        record = dict(zip(names, shape_record.record, strict=True))
        shape = shape_record.shape
        starts = [*shape.parts, len(shape.points)]
        parts = [[(float(x), float(y)) for x, y in shape.points[a:b]]
                 for a, b in pairwise(starts)]
        found = feature(record, parts)
        if found is not None:
            features.append(found)
    features.sort(key=lambda f: f["properties"]["name"])  # type: ignore[index]
    return {"type": "FeatureCollection",
            "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas "
                      "0.14.4 naturalearth_lowres; simplified by scripts/build_world_map.py",
            "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shp", type=Path, help="naturalearth_lowres.shp")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.shp)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{args.out}: {len(data['features'])} countries, "  # type: ignore[arg-type]
          f"{args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
