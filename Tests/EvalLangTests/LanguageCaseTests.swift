import Foundation
import Testing

/// Runs every case in `Cases/*.eb` and compares its transcript with the
/// expectations written inline.
@Suite("Language cases")
struct LanguageCaseTests {
    static var casesDirectory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Cases")
    }

    static let cases: [LanguageCase] = {
        guard let dir = casesDirectory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".eb") }.sorted().flatMap { file -> [LanguageCase] in
            guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else {
                return []
            }
            return LanguageCase.parse(text, file: file)
        }
    }()

    @Test("case files are found")
    func casesExist() {
        #expect(Self.cases.count > 50)
    }

    @Test("case", arguments: cases)
    func run(_ languageCase: LanguageCase) {
        let root = Self.casesDirectory?.path ?? "."
        let transcript = languageCase.run(root: root)
        #expect(!languageCase.expected.isEmpty, "a case must expect something")
        #expect(transcript == languageCase.expected)
    }
}
