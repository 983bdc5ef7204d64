/// The report's one stylesheet, inline in the page (no external request). The Content-Security-Policy
/// allows exactly this text by its SHA-256, so no other style, script or resource can run or load.
enum HTMLStyle {
    static let css = """
        :root{--ink:#1b2230;--muted:#5a6473;--line:#d8dde6;--panel:#f4f6f9;--accent:#0b5cad;--target:#c2410c;--alert:#b42318;--alert-soft:#fdecea}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:#e9edf2;color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
        .report{max-width:980px;margin:24px auto;background:#fff;padding:40px 48px 32px;box-shadow:0 1px 4px rgba(0,0,0,.1)}
        .cover{border-bottom:3px solid var(--accent);padding-bottom:18px}
        .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;font-weight:700;color:var(--accent)}
        h1{font-size:30px;line-height:1.2;margin:6px 0 2px;overflow-wrap:anywhere}
        .subtitle{margin:0;font-size:18px;color:var(--muted);overflow-wrap:anywhere}
        .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px 24px;margin:18px 0 0}
        .facts .wide{grid-column:span 2}
        .facts dt{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
        .facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
        h2{font-size:20px;margin:34px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
        h3{font-size:16.5px;line-height:1.3;margin:0}
        p{margin:0 0 8px}
        .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
        .kpi{background:var(--panel);border-left:4px solid var(--accent);border-radius:4px;padding:12px 16px}
        .kpi .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0}
        .kpi .value{font-size:32px;font-weight:700;line-height:1.15;margin:4px 0;font-variant-numeric:tabular-nums}
        .kpi .detail{margin:0;font-size:13px;color:var(--muted)}
        .reading{font-size:16px;margin:18px 0 0;max-width:75ch}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:24px;align-items:start}
        figure{margin:0;break-inside:avoid;page-break-inside:avoid}
        figure svg{display:block;width:100%;height:auto;max-height:460px}
        figcaption{font-size:12.5px;color:var(--muted);margin-top:8px}
        .table-wrap{overflow-x:auto;margin:0 0 8px}
        table{border-collapse:collapse;width:100%;font-size:14px}
        caption{text-align:left;font-size:12.5px;color:var(--muted);padding:0 0 6px}
        th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
        th{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line)}
        .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .user{white-space:pre-line;overflow-wrap:anywhere}
        .muted{color:var(--muted)}
        .badge{display:inline-block;font-size:11.5px;font-weight:700;line-height:1.5;padding:0 7px;border-radius:9px;border:1px solid currentColor;white-space:nowrap}
        .badge.overdue{color:var(--alert);background:var(--alert-soft)}
        .badge.quiet{color:var(--muted);font-weight:600}
        .meter{display:inline-flex;gap:2px;vertical-align:-1px;margin-right:6px}
        .meter i{display:block;width:12px;height:9px;border:1px solid var(--accent);border-radius:1px}
        .meter i.on{background:var(--accent)}
        .priorities{list-style:none;padding:0;margin:0}
        .priority{border:1px solid var(--line);border-left:4px solid var(--target);border-radius:4px;padding:10px 14px;margin:0 0 10px;break-inside:avoid}
        .priority .gap{font-weight:600;color:var(--target)}
        .priority ul,.answer ul{margin:4px 0 0;padding-left:18px}
        .rule{border-top:1px solid var(--line);padding:18px 0 8px}
        .rule-head{display:flex;gap:12px;align-items:baseline;break-after:avoid}
        .no{flex:none;display:inline-block;min-width:30px;padding:3px 6px;border-radius:14px;background:var(--accent);color:#fff;font-weight:700;font-size:13px;text-align:center}
        .rule-meta{font-size:12.5px;color:var(--muted);margin:2px 0 8px}
        blockquote{margin:8px 0;padding:4px 0 4px 14px;border-left:3px solid var(--line)}
        blockquote.original{font-style:italic;color:var(--muted)}
        .footnote{font-size:12.5px;color:var(--muted)}
        .answer{margin:10px 0 0}
        .answer>div{display:grid;grid-template-columns:10em minmax(0,1fr);gap:0 16px;padding:3px 0}
        .answer dt{font-weight:600;font-size:13px;color:var(--muted);padding-top:1px}
        .answer dd{margin:0;min-width:0}
        .score{white-space:nowrap}
        .about{font-size:13px;color:var(--muted)}
        .about dt{font-weight:700;color:var(--ink);margin-top:8px}
        .about dd{margin:0}
        @media (max-width:720px){
        body{background:#fff}
        .report{margin:0;padding:20px 16px;box-shadow:none}
        h1{font-size:24px}
        .kpi .value{font-size:26px}
        .answer>div{grid-template-columns:1fr}
        .facts .wide{grid-column:auto}
        }
        @page{margin:16mm 14mm 18mm}
        @media print{
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{background:#fff;font-size:10pt}
        .report{max-width:none;margin:0;padding:0;box-shadow:none}
        .new-page{break-before:page;page-break-before:always}
        h2,h3,h2+p,.rule-head,.rule-meta{break-after:avoid;page-break-after:avoid}
        .rule{break-inside:avoid;page-break-inside:avoid}
        .priorities+p{break-before:avoid;page-break-before:avoid}
        figure,.kpi,.priority,tr,.answer>div,blockquote{break-inside:avoid;page-break-inside:avoid}
        /* Compact enough that the cover, the headline and both charts share the first page. */
        .cover{padding-bottom:6pt}
        h1{font-size:20pt}
        .facts{margin-top:8pt;gap:4pt 16pt}
        .facts dt{font-size:7.5pt}
        h2{font-size:14pt;margin:16pt 0 8pt}
        .new-page>h2{margin-top:0}
        .kpi{padding:6px 10px}
        .kpi .value{font-size:18pt;margin:0}
        .kpi .detail{font-size:8.5pt}
        .reading{font-size:9.5pt;margin-top:8pt;max-width:none}
        table{font-size:9pt}
        figure svg{max-height:60mm}
        figcaption{font-size:8.5pt;margin-top:4px}
        thead{display:table-header-group}
        .table-wrap{overflow:visible}
        }
        """

    /// The `Content-Security-Policy` value: nothing may load or run except this stylesheet.
    static let contentSecurityPolicy = policy(styleHash: cssHash)

    /// SHA-256 of `css` in base64, written out so a report does not hash the stylesheet each
    /// time; a test recomputes it (`computedCSSHash`) and fails when the stylesheet changes.
    static let cssHash = "5P1YxiRBiRzc1qTq3mAm9aGObS8/a8yTFREOVvlc4U0="

    static func policy(styleHash: String) -> String {
        "default-src 'none'; style-src 'sha256-" + styleHash + "'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// The stylesheet's hash computed from `css`.
    static var computedCSSHash: String { base64(hexBytes(SHA256.hex(Array(css.utf8)))) }

    private static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).map { $0 <= UInt8(ascii: "9") ? $0 - UInt8(ascii: "0") : $0 - UInt8(ascii: "a") + 10 }
        return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    /// Standard base64 with padding (RFC 4648), as CSP hashes are written.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        for chunk in stride(from: 0, to: bytes.count, by: 3) {
            let b0 = Int(bytes[chunk])
            let b1 = chunk + 1 < bytes.count ? Int(bytes[chunk + 1]) : 0
            let b2 = chunk + 2 < bytes.count ? Int(bytes[chunk + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[(b0 & 3) << 4 | b1 >> 4])
            out.append(chunk + 1 < bytes.count ? alphabet[(b1 & 15) << 2 | b2 >> 6] : UInt8(ascii: "="))
            out.append(chunk + 2 < bytes.count ? alphabet[b2 & 63] : UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
