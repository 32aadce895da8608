import Testing
@testable import PIVaultCore

@Suite("Telephone numbers normalised to E.164 (ITU-T E.164)")
struct PhoneNumberTests {
    @Test("Mainland mobiles in every common spelling become +86…", arguments: [
        "13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "0086 13800138000", "8613800138000", "+86-138-0013-8000",
    ])
    func mainland(_ text: String) {
        #expect(PhoneNumber.e164(text) == "+8613800138000")
    }

    @Test("Other E.164 numbers keep their country code")
    func international() {
        #expect(PhoneNumber.e164("+852 9123 4567") == "+85291234567")
    }

    @Test("Implausible numbers are refused", arguments: ["12800138000", "1380013800", "138001380001", "phone", "+86 10 1234", "+0123456789",
                                                       "１３８００１３８０００", "138 0013 8000\u{301}", "138+00138000", "+86 (138) 0013 800"])
    func refused(_ text: String) {
        #expect(PhoneNumber.e164(text) == nil)
    }
}
