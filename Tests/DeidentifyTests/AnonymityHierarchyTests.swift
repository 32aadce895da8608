import Deidentify
import Foundation
import Testing

@Suite("Anonymity generalisation hierarchies (GB/T 37964-2019 generalisation)")
struct AnonymityHierarchyTests {
    private func column(_ values: [String], name: String = "c") throws -> AnonymityTable.Column {
        try AnonymityTestSupport.table(([name] + values).joined(separator: "\n") + "\n").columns[0]
    }

    @Test("Dates generalise day → month → year → decade → *")
    func dates() throws {
        let hierarchy = try AnonymityHierarchySpec.date.build(column: column(["1987-03-14", "1987-03-20", "1987-11-02", "1991-03-14", "1989-01-01"]))
        #expect(hierarchy.levelNames == ["value", "month", "year", "decade", "*"])
        #expect(hierarchy.labels[1] == ["1987-03", "1987-11", "1991-03", "1989-01"])
        #expect(hierarchy.labels[2] == ["1987", "1991", "1989"])
        #expect(hierarchy.labels[3] == ["1980-1989", "1990-1999"])
        #expect(hierarchy.labels[4] == ["*"])
    }

    @Test("An impossible date is rejected with its line, not its value")
    func impossibleDate() throws {
        let error = try #require(throws: AnonymityError.self) {
            try AnonymityHierarchySpec.date.build(column: column(["1987-03-14", "1987-02-30"]))
        }
        #expect(error.code == .invalidValue)
        #expect(error.line == 3)
        #expect(!error.description.contains("02-30"))
    }

    @Test("A level that groups values exactly like the level below is left out of the lattice")
    func redundantLevelsDropped() throws {
        let hierarchy = try AnonymityHierarchySpec.date.build(column: column(["1987-03-14", "1991-05-02"]))
        #expect(hierarchy.levelNames == ["value", "*"])
    }

    @Test("Numbers generalise to nested intervals with given widths, then *")
    func intervals() throws {
        let hierarchy = try AnonymityHierarchySpec.interval(widths: [5, 10, 20]).build(column: column(["21", "23", "27", "31", "44"]))
        #expect(hierarchy.labels[1] == ["20-24", "25-29", "30-34", "40-44"])
        #expect(hierarchy.labels[2] == ["20-29", "30-39", "40-49"])
        #expect(hierarchy.labels[3] == ["20-39", "40-59"])
        #expect(hierarchy.labels.last == ["*"])
        // NCP (Xu et al. 2006): "20-29" covers 3 of 5 values → (3 − 1) / (5 − 1).
        #expect(abs(hierarchy.penalties[2][0] - 0.5) < 1e-12)
        #expect(hierarchy.penalties[0][0] == 0)
        #expect(hierarchy.penalties[4][0] == 1)
    }

    @Test("Interval widths that do not nest are refused")
    func nonNestingWidths() throws {
        #expect(throws: AnonymityError.self) {
            try AnonymityHierarchySpec.interval(widths: [5, 7]).build(column: column(["1", "2"]))
        }
    }

    @Test("Chinese addresses split into province, city, district, street, number")
    func addressParsing() throws {
        let address = try #require(AnonymityAddress.parse("广东省广州市天河区天河路385号1201室"))
        #expect(address.province == "广东省")
        #expect(address.city == "广州市")
        #expect(address.district == "天河区")
        #expect(address.street == "天河路")
        #expect(address.rest == "385号1201室")
        let municipal = try #require(AnonymityAddress.parse("北京市朝阳区建国门外街道8号"))
        #expect(municipal.province == "北京市")
        #expect(municipal.district == "朝阳区")
        #expect(municipal.street == "建国门外街道")
        #expect(AnonymityAddress.parse("no address here") == nil)
    }

    @Test("Address levels: number → street → district → city → province → *")
    func addressLevels() throws {
        let hierarchy = try AnonymityHierarchySpec.address.build(column: column([
            "广东省广州市天河区天河路385号", "广东省广州市天河区天河路1号", "广东省广州市天河区体育西路2号",
            "广东省广州市越秀区中山路3号", "广东省深圳市南山区科技路1号", "北京市朝阳区建国路88号", "北京市海淀区中关村大街1号",
        ]))
        #expect(hierarchy.levelNames == ["value", "street", "district", "city", "province", "*"])
        #expect(hierarchy.labels[1].count == 6)
        #expect(hierarchy.labels[2] == ["广东省广州市天河区", "广东省广州市越秀区", "广东省深圳市南山区", "北京市朝阳区", "北京市海淀区"])
        #expect(hierarchy.labels[3] == ["广东省广州市", "广东省深圳市", "北京市"])
        #expect(hierarchy.labels[4] == ["广东省", "北京市"])
    }

    @Test("Inference picks interval, date, address or categorical")
    func inference() {
        #expect(AnonymityHierarchySpec.infer(domain: ["1", "2.5"]) == .interval())
        #expect(AnonymityHierarchySpec.infer(domain: ["2020-01-01"]) == .date)
        #expect(AnonymityHierarchySpec.infer(domain: ["浙江省杭州市西湖区"]) == .address)
        #expect(AnonymityHierarchySpec.infer(domain: ["男", "女"]) == .categorical)
    }

    @Test("JSON hierarchy file: table hierarchy is used and must cover every value")
    func hierarchyFile() throws {
        let json = #"{"dx": {"type": "table", "levels": {"J10": ["J00-J99"], "J45": ["J00-J99"], "I10": ["I00-I99"]}}, "age": {"type": "interval", "widths": [10]}}"#
        let specs = try AnonymityHierarchyFile.parse(Data(json.utf8))
        let hierarchy = try #require(specs["dx"]).build(column: column(["J10", "I10", "J45"]))
        #expect(hierarchy.labels[1] == ["J00-J99", "I00-I99"])
        let error = try #require(throws: AnonymityError.self) {
            try #require(specs["dx"]).build(column: column(["J10", "Z99"]))
        }
        #expect(error.code == .invalidHierarchy)
        #expect(error.line == 3)
        #expect(throws: AnonymityError.self) { try AnonymityHierarchyFile.parse(Data(#"{"x": {"type": "yaml"}}"#.utf8)) }
    }

    @Test("A table hierarchy that splits a group is not nested and is refused")
    func nonNestedTable() throws {
        let spec = AnonymityHierarchySpec.table(["a": ["g1", "t1"], "b": ["g1", "t2"], "c": ["g2", "t2"]])
        let error = try #require(throws: AnonymityError.self) { try spec.build(column: column(["a", "b", "c"])) }
        #expect(error.code == .invalidHierarchy)
    }
}
