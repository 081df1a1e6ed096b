package org.cranisotropy.report;

import java.util.List;

/**
 * The report's index.html: self-contained (inline CSS, no scripts, fonts or network), one heading per
 * section, each figure as a relative {@code <img src="STEM.png">} with a link to STEM.svg, its caption and
 * the Spark SQL behind it; the run's configuration, seeds, counts and versions at the top.
 */
final class ReportPage {
    private ReportPage() {}

    static String html(String results, RunInfo run, String reportVersion, List<Section> sections, List<String> notes) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>cr-anisotropy report: ").append(esc(results)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1040px;margin:1em auto;padding:0 1em;color:#222}\n")
                .append("h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em}\n")
                .append("figure{margin:0 0 2em 0}img{max-width:100%;height:auto;border:1px solid #eee}\n")
                .append("figcaption{font-size:.92em;line-height:1.4}pre{background:#f6f6f6;padding:.6em;overflow-x:auto;")
                .append("font-size:.85em;white-space:pre-wrap}table.run td{padding:.15em .8em .15em 0;vertical-align:top}\n")
                .append("nav a{margin-right:1em}\n</style>\n</head>\n<body>\n");
        h.append("<h1>cr-anisotropy report</h1>\n");
        h.append("<p>Dipole, quadrupole and octupole anisotropy of the electron+positron events of the run in <code>")
                .append(esc(results)).append("</code>: measured values against the isotropic Monte Carlo bands, 95 % CL "
                        + "upper limits, sky maps, the highest-energy events and the Vela model. Made by <code>cra report")
                .append("</code> from the Parquet tables; every figure has a PNG, an SVG twin and the Spark SQL that "
                        + "selects its numbers (all of them in <a href=\"queries.sql\">queries.sql</a>; run them from the "
                        + "directory the report was made in, e.g. <code>submit/cra sql --results ")
                .append(esc(results)).append(" \"&lt;query&gt;\"</code>).</p>\n");
        h.append("<table class=\"run\">\n");
        row(h, "Results directory", results);
        row(h, "Tool version (run)", run.version());
        row(h, "Tool version (report)", reportVersion);
        row(h, "Limits computed", run.created());
        row(h, "Monte Carlo seed", run.mcSeed());
        row(h, "Isotropic samples", run.samples());
        row(h, "Samples made from", run.samplesMadeFrom());
        if (!RunInfo.MISSING.equals(run.spectrumFitQuality())) {
            row(h, "Spectrum vs the data's energies", run.spectrumFitQuality());
        }
        if (!RunInfo.MISSING.equals(run.spectrumModel())) {
            row(h, "Spectrum model (one break or two)", run.spectrumModel());
        }
        row(h, "Event generation seed", run.eventSeed());
        row(h, "Events in the event file", run.events());
        row(h, "Selected events (class selection)", run.selectedEvents());
        row(h, "Event file", run.eventsPath());
        row(h, "Exposure maps", run.exposurePath());
        h.append("</table>\n");
        h.append("<details><summary>Configuration of the run (cra.config, from the Parquet footer of "
                + "measured_thresholds)</summary>\n<pre>").append(esc(prettyJson(run.config()))).append("</pre></details>\n");
        for (String n : notes) {
            h.append("<p><em>").append(esc(n)).append("</em></p>\n");
        }
        h.append("<nav>");
        for (int s = 0; s < sections.size(); s++) {
            h.append("<a href=\"#s").append(s + 1).append("\">").append(esc(sections.get(s).heading())).append("</a>");
        }
        h.append("</nav>\n");
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            h.append("<h2 id=\"s").append(s + 1).append("\">").append(esc(sec.heading())).append("</h2>\n");
            if (!sec.intro().isEmpty()) {
                h.append("<p>").append(esc(sec.intro())).append("</p>\n");
            }
            for (Figure f : sec.figures()) {
                h.append("<figure id=\"").append(f.stem()).append("\">\n<h3>").append(esc(f.title())).append("</h3>\n")
                        .append("<img src=\"").append(f.stem()).append(".png\" width=\"").append(f.width())
                        .append("\" height=\"").append(f.height()).append("\" alt=\"").append(esc(f.title())).append("\">\n")
                        .append("<figcaption>").append(esc(f.caption())).append(" <a href=\"").append(f.stem())
                        .append(".svg\">SVG</a></figcaption>\n<pre><code>");
                for (String q : f.queries()) {
                    h.append(esc(q)).append(onlyComment(q) ? "\n" : ";\n");
                }
                h.append("</code></pre>\n</figure>\n");
            }
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** queries.sql: every figure's queries, each figure introduced by a comment. */
    static String queries(String results, List<Section> sections) {
        StringBuilder s = new StringBuilder("-- The queries behind the figures of the cra report of ").append(results)
                .append(".\n-- Spark SQL; run from the directory the report was made in, e.g.\n--   submit/cra sql --results ")
                .append(results).append(" \"<query>\"\n");
        for (Section sec : sections) {
            for (Figure f : sec.figures()) {
                s.append("\n-- ").append(sec.heading()).append(": ").append(f.title()).append(" (").append(f.stem())
                        .append(".png)\n");
                for (String q : f.queries()) {
                    s.append(q).append(onlyComment(q) ? "\n" : ";\n");
                }
            }
        }
        return s.toString();
    }

    /** Whether a query item is only comment lines (nothing to run). */
    static boolean onlyComment(String q) {
        return q.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><td>").append(esc(k)).append("</td><td><code>").append(esc(v)).append("</code></td></tr>\n");
    }

    /** Indents a compact JSON object for reading (no parsing; strings are kept intact). */
    static String prettyJson(String json) {
        StringBuilder o = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                o.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    o.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    o.append(c);
                }
                case '{', '[' -> {
                    depth++;
                    o.append(c).append('\n').append("  ".repeat(depth));
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    o.append('\n').append("  ".repeat(depth)).append(c);
                }
                case ',' -> o.append(",\n").append("  ".repeat(depth));
                case ':' -> o.append(": ");
                default -> o.append(c);
            }
        }
        return o.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
