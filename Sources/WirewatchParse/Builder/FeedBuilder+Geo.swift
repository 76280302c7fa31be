/// GeoRSS simple (`georss:point|line|polygon|box`) and GML
/// (`gml:Point|LineString|Polygon` with `pos`/`posList`) into `where`,
/// as feedparser exposes them: coordinates as (lon, lat) for geographic
/// reference systems, as written for projected ones.
extension FeedBuilder {
    func startGeo(_ m: Handler, _ attrs: Attrs) -> Bool {
        switch m {
        case .georss_point, .georss_line, .georss_polygon, .georss_box:
            push("geometry", false)
            context()["where"] = .dict(FPDict())
        case .`where`, .georss_where:
            push("where", false)
            context()["where"] = .dict(FPDict())
        case .gml_point: srsAttrs(attrs); geometryKind = "point"; push("geometry", false)
        case .gml_linestring: srsAttrs(attrs); geometryKind = "linestring"; push("geometry", false)
        case .gml_polygon: srsAttrs(attrs); push("geometry", false)
        case .gml_exterior: push("geometry", false)
        case .gml_linearring: geometryKind = "polygon"; push("geometry", false)
        case .gml_pos, .gml_poslist: push("pos", false)
        default: return false
        }
        return true
    }

    func endGeo(_ m: Handler) -> Bool {
        switch m {
        case .georss_point: saveWhere(Geo.point(pop("geometry") ?? "", swap: true, dims: 2))
        case .georss_line: saveWhere(Geo.line(pop("geometry") ?? "", swap: true, dims: 2))
        case .georss_polygon: saveWhere(Geo.polygon(pop("geometry") ?? "", swap: true, dims: 2))
        case .georss_box: saveWhere(Geo.box(pop("geometry") ?? ""))
        case .`where`, .georss_where: pop("where")
        case .gml_point, .gml_linestring, .gml_linearring, .gml_exterior, .gml_polygon:
            geometryKind = ""
            pop("geometry")
        case .gml_pos, .gml_poslist:
            let v = pop("pos") ?? ""
            let w = context()["where"]?.dictValue
            let srs = w?.string("srsName")
            var dims = 2
            if case .int(let d)? = w?["srsDimension"] { dims = d }
            let swap = srs.map(Geo.isGeographic) ?? true
            if m == .gml_pos {
                saveWhere(Geo.point(v, swap: swap, dims: dims))
            } else if geometryKind == "linestring" {
                saveWhere(Geo.line(v, swap: swap, dims: dims))
            } else if geometryKind == "polygon", let ring = Geo.line(v, swap: swap, dims: dims)?["coordinates"] {
                saveWhere(FPDict([("type", .string("Polygon")), ("coordinates", .list(FPList([ring])))]))
            }
        default: return false
        }
        return true
    }

    private func srsAttrs(_ attrs: Attrs) {
        let c = context()
        let w = c["where"]?.dictValue ?? FPDict()
        c["where"] = .dict(w)
        w["srsName"] = Self.attr(attrs, "srsname").map { .string($0) } ?? .null
        w["srsDimension"] = .int(Int(Self.attr(attrs, "srsdimension") ?? "2") ?? 2)
    }

    private func saveWhere(_ g: FPDict?) {
        guard let g, let w = context()["where"]?.dictValue else { return }
        for k in g.keys { w[k] = g[k] }
    }
}

/// Coordinate parsing for GeoRSS / GML.
enum Geo {
    static func coords(_ s: String, swap: Bool, dims: Int) -> [FPValue]? {
        let nums = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        var vals: [Double] = []
        for n in nums {
            guard let d = Double(n) else { return nil }
            vals.append(d)
        }
        let step = dims == 3 ? 3 : 2
        var out: [FPValue] = []
        var i = 0
        while i + step <= vals.count {
            var t = [vals[i], vals[i + 1]]
            if swap { t.reverse() }
            if dims == 3 { t.append(vals[i + 2]) }
            out.append(.list(FPList(t.map { .double($0) })))
            i += step
        }
        return out
    }

    static func point(_ s: String, swap: Bool, dims: Int) -> FPDict? {
        guard let c = coords(s, swap: swap, dims: dims), let first = c.first else { return nil }
        return FPDict([("type", .string("Point")), ("coordinates", first)])
    }

    static func line(_ s: String, swap: Bool, dims: Int) -> FPDict? {
        guard let c = coords(s, swap: swap, dims: dims) else { return nil }
        return FPDict([("type", .string("LineString")), ("coordinates", .list(FPList(c)))])
    }

    static func polygon(_ s: String, swap: Bool, dims: Int) -> FPDict? {
        guard let c = coords(s, swap: swap, dims: dims), c.count >= 4 else { return nil }
        return FPDict([("type", .string("Polygon")), ("coordinates", .list(FPList([.list(FPList(c))])))])
    }

    static func box(_ s: String) -> FPDict? {
        guard let c = coords(s, swap: true, dims: 2) else { return nil }
        return FPDict([("type", .string("Box")), ("coordinates", .list(FPList(c)))])
    }

    /// EPSG codes of geographic (lat/lon) reference systems: axis order is
    /// swapped for them. feedparser carries the full EPSG list; the
    /// geographic codes sit in 4000–4999 (and a few 3xxx ones).
    static func isGeographic(_ srsName: String) -> Bool {
        guard srsName.contains("EPSG"), let code = Int(srsName.split(separator: ":").last ?? "") else { return true }
        return (4000...4999).contains(code) || (3819...3906).contains(code)
    }
}
