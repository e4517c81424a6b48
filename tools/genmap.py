#!/usr/bin/env python3
"""genmap.py: converts Natural Earth country outlines (TopoJSON, from world-atlas) into
sitrep's compact map asset, which src/map/worldmap.c maps from disk without parsing.
Run by `make map`; the outputs (assets/map-110m.bin, assets/map-50m.bin) are committed.

Usage: genmap.py --topojson countries-110m.json --iso iso_3166-1.json --license LICENSE -o OUT

The asset: a text header (credits and licence, "# " lines), a line "end", NUL padding to
a multiple of 8, then little-endian binary:
  u32 magic "SMAP", u32 version (1)
  u32 n_countries, n_rings, n_refs, n_arcs, n_points, strings_size
  countries  n x {u32 name offset, u16 ISO numeric, char alpha2[2], char alpha3[3], u8 0,
                  u16 bbox[4] (x0, y0, x1, y1), u32 first_ring, u32 n_rings}   28 bytes
  rings      n x {u32 first_ref, u32 n_refs}                                    8 bytes
  refs       n x i32: an arc index, ~index when the arc runs backwards (TopoJSON's rule)
  arcs       n x {u32 first_point, u32 n_points, u16 bbox[4]}                  16 bytes
  points     n x {u16 x, u16 y}: x = (lon + 180) / 360 * 65535, y = (lat + 90) / 180 * 65535
  strings    the country names, NUL-terminated
Rings are every ring of a country (outer rings and holes alike), so an even-odd test over
all of them tells inside from outside. Arcs are shared by neighbours and drawn once."""
import argparse
import json
import struct

Q = 65535


def quant_lon(lon):
    return max(0, min(Q, round((lon + 180.0) / 360.0 * Q)))


def quant_lat(lat):
    return max(0, min(Q, round((lat + 90.0) / 180.0 * Q)))


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((quant_lon(x * sx + tx), quant_lat(y * sy + ty)))
        arcs.append(pts)
    return arcs


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys)) if points else (0, 0, 0, 0)


def ring_points(ring, arcs):
    pts = []
    for ref in ring:
        a = arcs[ref] if ref >= 0 else list(reversed(arcs[~ref]))
        pts.extend(a)
    return pts


def build(topo, iso):
    arcs = decode_arcs(topo)
    countries, rings, refs, names = [], [], [], bytearray()
    for g in topo["objects"]["countries"]["geometries"]:
        numeric = int(g.get("id") or 0)
        codes = iso.get(numeric, ("", ""))
        first_ring = len(rings)
        pts = []
        for polygon in polygons_of(g):
            for ring in polygon:
                rings.append((len(refs), len(ring)))
                refs.extend(ring)
                pts.extend(ring_points(ring, arcs))
        name_off = len(names)
        names += g.get("properties", {}).get("name", "").encode("utf-8") + b"\0"
        countries.append((name_off, numeric, codes[0], codes[1], bbox(pts), first_ring,
                          len(rings) - first_ring))
    return countries, rings, refs, arcs, bytes(names)


def pack(countries, rings, refs, arcs, names, header):
    out = bytearray(header.encode("utf-8"))
    while len(out) % 8:
        out += b"\0"
    n_points = sum(len(a) for a in arcs)
    out += struct.pack("<4sI6I", b"SMAP", 1, len(countries), len(rings), len(refs), len(arcs),
                       n_points, len(names))
    for name_off, numeric, a2, a3, bb, first, n in countries:
        out += struct.pack("<IH2s3sx4HII", name_off, numeric, a2.encode().ljust(2, b"\0"),
                           a3.encode().ljust(3, b"\0"), *bb, first, n)
    for first, n in rings:
        out += struct.pack("<II", first, n)
    out += struct.pack("<%di" % len(refs), *refs)
    first = 0
    for a in arcs:
        out += struct.pack("<II4H", first, len(a), *bbox(a))
        first += len(a)
    for a in arcs:
        for x, y in a:
            out += struct.pack("<HH", x, y)
    out += names
    return bytes(out)


def header_text(source, license_text):
    lines = [
        "sitrep-map 1",
        f"# Country outlines from Natural Earth (public domain, naturalearthdata.com),",
        f"# vector data 4.1.0 as TopoJSON in the npm package world-atlas 2.0.2 ({source}),",
        "# converted by sitrep's tools/genmap.py. world-atlas is distributed under this",
        "# licence:",
    ]
    lines += ["#   " + l if l else "#" for l in license_text.strip().splitlines()]
    lines.append("end")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topojson", required=True)
    ap.add_argument("--iso", required=True, help="iso-codes' iso_3166-1.json")
    ap.add_argument("--license", required=True)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    with open(args.topojson, encoding="utf-8") as f:
        topo = json.load(f)
    with open(args.iso, encoding="utf-8") as f:
        iso = {int(c["numeric"]): (c["alpha_2"], c["alpha_3"]) for c in json.load(f)["3166-1"]}
    with open(args.license, encoding="utf-8") as f:
        license_text = f.read()
    parts = build(topo, iso)
    blob = pack(*parts, header_text(args.topojson.rsplit("/", 1)[-1], license_text))
    with open(args.output, "wb") as f:
        f.write(blob)
    print(f"genmap: {len(parts[0])} countries, {len(parts[1])} rings, {len(parts[3])} arcs, "
          f"{sum(len(a) for a in parts[3])} points -> {args.output} ({len(blob)} bytes)")


if __name__ == "__main__":
    main()
