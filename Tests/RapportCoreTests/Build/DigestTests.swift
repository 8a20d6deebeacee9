import Foundation
import Testing

@testable import RapportCore

@Suite struct DigestTests {
    @Test func roundTripsInputHasherOutput() throws {
        let hex = InputHasher.hash("rapport")
        let digest = try #require(Digest(hex: hex))
        #expect(digest.description == hex)
        #expect(Digest(hex: hex.uppercased()) == digest)
    }

    @Test func writesTheKnownDigitsOfSHA256() throws {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        let hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let digest = try #require(Digest(hex: hex))
        #expect(digest.description == hex)
        #expect(InputHasher.digest("abc") == digest)
        var buffer = Array("[".utf8)
        digest.appendHex(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "[" + hex)
    }

    @Test func refusesAnythingButSixtyFourHexDigits() {
        let hex = InputHasher.hash("rapport")
        #expect(Digest(hex: String(hex.dropLast())) == nil)
        #expect(Digest(hex: hex + "0") == nil)
        #expect(Digest(hex: String(hex.dropLast()) + "g") == nil)
        #expect(Digest(hex: "") == nil)
    }

    @Test func encodesAsTheHexString() throws {
        let hex = InputHasher.hash("rapport")
        let digest = try #require(Digest(hex: hex))
        let data = try JSONEncoder().encode([digest])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(hex)\"]")
        #expect(try JSONDecoder().decode([Digest].self, from: data) == [digest])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Digest].self, from: Data("[\"abc\"]".utf8)) }
    }
}
