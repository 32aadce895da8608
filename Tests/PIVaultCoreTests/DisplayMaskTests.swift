import Testing
@testable import PIVaultCore

@Suite("Masked display forms (GB/T 35273-2020 practice)")
struct DisplayMaskTests {
    @Test("Resident ID keeps the first 6 and last 4 characters")
    func residentID() {
        #expect(DisplayMask.mask(.string("11010519491231002X"), type: .residentID) == "110105********002X")
    }

    @Test("Mobile keeps the first 3 and last 4 digits of the national number")
    func mobile() {
        #expect(DisplayMask.mask(.string("+8613800138000"), type: .mobile) == "138****8000")
    }

    @Test("Text keeps its first character; other types are hidden")
    func others() {
        #expect(DisplayMask.mask(.string("张三"), type: .text) == "张*")
        #expect(DisplayMask.mask(.string("2020-01-01"), type: .date) == "****")
        #expect(DisplayMask.mask(.string("li@example.cn"), type: .email) == "l***@example.cn")
    }
}
