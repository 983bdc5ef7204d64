import Foundation
import Testing

@Suite struct CompareCommandTests {
    let fixtures = repoRoot + "/Tests/Fixtures/compare"

    @Test func argumentOrderDoesNotChangeTheResult() throws {
        let dir = try temporaryFolder()
        for format in ["text", "markdown", "html", "json"] {
            let ab = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q4.json", "--format", format], in: dir)
            let ba = try playbook(["compare", fixtures + "/q4.json", fixtures + "/q3.json", "--format", format], in: dir)
            #expect(ab.status == 0)
            #expect(ab.stdout == ba.stdout, "\(format)")
        }
    }

    @Test func failOnRegressionExitsWithThree() throws {
        let dir = try temporaryFolder()
        let r = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q4.json", "--fail-on-regression"], in: dir)
        #expect(r.status == 3)
        // One score fell; two scored rules became N/A and unknown (issue 11, item 4).
        #expect(r.stdout.contains("REGRESSIONS (3)"))
        let same = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q3.json", "--fail-on-regression"], in: dir)
        #expect(same.status == 0)
    }

    @Test func badInputExitsWithTwo() throws {
        let dir = try temporaryFolder()
        let missing = try playbook(["compare", fixtures + "/q3.json", "nope.json"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: no such file"))
        let other = try playbook(
            ["compare", fixtures + "/q3.json", fixtures + "/other-catalogue.json", "--catalog-b", fixtures + "/catalog-other.json"], in: dir)
        #expect(other.status == 2)
        #expect(other.stderr.contains("use --allow-different-catalogs"))
        let allowed = try playbook(
            [
                "compare", fixtures + "/q3.json", fixtures + "/other-catalogue.json", "--catalog-b", fixtures + "/catalog-other.json",
                "--allow-different-catalogs",
            ], in: dir)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("Warning: different catalogues"))
        let format = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q4.json", "-o", "x.csv"], in: dir)
        #expect(format.status == 2)
    }

    @Test func sidesAreDetectedOrForced() throws {
        let dir = try temporaryFolder()
        let auto = try playbook(["compare", fixtures + "/theirs.json", fixtures + "/ours.json"], in: dir)
        #expect(auto.stdout.hasPrefix("Our view and the partner’s — Cloud Alliance\nOurs: ours.json"))
        let forced = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q4.json", "--sides", "--lang", "fr"], in: dir)
        #expect(forced.stdout.hasPrefix("Notre vue et celle du partenaire — Cloud Alliance"))
        #expect(forced.stdout.contains("ÉCARTS DE PERCEPTION"))
    }

    @Test func outputFileIsNeverOverwrittenWithoutForce() throws {
        let dir = try temporaryFolder()
        let first = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q4.json", "-o", "cmp.html"], in: dir)
        #expect(first.status == 0)
        let html = try readText(dir + "/cmp.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy"))
        let again = try playbook(["compare", fixtures + "/q3.json", fixtures + "/q4.json", "-o", "cmp.html"], in: dir)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        let forced = try playbook(["compare", fixtures + "/q4.json", fixtures + "/q3.json", "-o", "cmp.html", "--force"], in: dir)
        #expect(forced.status == 0)
        #expect(try readText(dir + "/cmp.html") == html)
    }

    @Test func catalogueChangeIsNamed() throws {
        let dir = try temporaryFolder()
        let r = try playbook(
            ["compare", fixtures + "/q4.json", fixtures + "/q1-2027-v1.1.json", "--catalog-b", fixtures + "/catalog-v1.1.json", "--format", "json"], in: dir)
        #expect(r.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(doc["catalogChanged"] as? Bool == true)
        let rules = doc["rules"] as! [[String: Any]]
        #expect(rules.contains { $0["id"] as? String == "shared-dashboard" && $0["presence"] as? String == "added" })
        #expect(rules.contains { $0["id"] as? String == "perseverance" && $0["presence"] as? String == "removed" })
    }
}
