@testable import PIVaultServer
import Testing

/// Header values lose the optional whitespace around them (RFC 9110 §5.6.3) — spaces and
/// tabs only, so a credential padded with anything else is refused by its own check.
@Suite("Optional whitespace in header values (RFC 9110 §5.6.3)")
struct OptionalWhitespaceTests {
    @Test("Spaces and tabs on either side are removed, inner ones kept", arguments: [
        ("pvt_abc", "pvt_abc"), ("  pvt_abc", "pvt_abc"), ("pvt_abc\t ", "pvt_abc"),
        ("\t pvt abc \t", "pvt abc"), ("", ""), (" \t ", ""),
    ])
    func trimsBlanks(text: String, expected: String) {
        #expect(String(Substring(text).trimmingOptionalWhitespace) == expected)
    }

    @Test("Other whitespace is not optional whitespace: line breaks and Unicode spaces stay")
    func keepsOtherWhitespace() {
        #expect(String(Substring("\u{00A0}pvt_abc").trimmingOptionalWhitespace) == "\u{00A0}pvt_abc")
        #expect(String(Substring("pvt_abc\r\n").trimmingOptionalWhitespace) == "pvt_abc\r\n")
        #expect(String(Substring("\u{3000}pvt_abc\u{3000}").trimmingOptionalWhitespace) == "\u{3000}pvt_abc\u{3000}")
    }
}
