package racebench.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page: its style, its one script and its charts (PNG data URIs) are
 * inside the file, and its Content-Security-Policy forbids every request, so it opens from
 * disk with no network and cannot reach one. The script, allowed by its hash alone, checks
 * the page as a reader's browser sees it: on load it counts the charts that were drawn and
 * records any error or blocked request on the {@code #report-check} element, which the
 * browser check reads.
 */
public final class HtmlPage {
    static final String CHECK_ID = "report-check";

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
            p.meta{color:#555;margin-top:0}figure{margin:16px 0}figure img{max-width:100%;border:1px solid #ddd}
            figcaption{color:#444;font-size:13px;max-width:1000px}
            table{border-collapse:collapse;font-size:12px;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:right}
            th{background:#f3f3f3}td.l,th.l{text-align:left}
            .v-REGRESSION,.v-RACE,.v-ERROR,.v-NOT_REPRODUCED,.v-MISSED{background:#f8d0d0}
            .v-IMPROVEMENT,.v-PROVEN,.v-REPRODUCED,.v-MET,.v-OK{background:#d4f0d4}
            .v-INCONCLUSIVE,.v-SUSPECT,.v-SAFE_UNPROVEN,.v-NOT_SEEN{background:#fbecc8}
            .v-NO_CHANGE,.v-BASELINE{background:#eeeeee}
            """;

    private static final String CHECK_SCRIPT = """
            (function () {
              var problems = [];
              window.addEventListener('error', function (e) {
                var t = e.target;
                problems.push(t && t !== window ? 'could not load ' + (t.currentSrc || t.src || t.href || t.tagName)
                    : 'script error: ' + e.message);
              }, true);
              document.addEventListener('securitypolicyviolation', function (e) {
                problems.push('blocked request to ' + e.blockedURI);
              });
              window.addEventListener('load', function () {
                var images = document.images, drawn = 0;
                for (var i = 0; i < images.length; i++) {
                  if (images[i].complete && images[i].naturalWidth > 0) { drawn++; }
                  else { problems.push('chart not drawn: ' + images[i].alt); }
                }
                var check = document.getElementById('report-check');
                check.setAttribute('data-charts', String(images.length));
                check.setAttribute('data-drawn', String(drawn));
                check.setAttribute('data-problems', problems.join(' | '));
                check.setAttribute('data-status', problems.length === 0 ? 'ok' : 'problems');
              });
            })();
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final java.util.List<ChartImage> images = new java.util.ArrayList<>();
    private long imageBytes;

    public HtmlPage(String title, String subtitle) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        body.append("<p class=\"meta\">").append(escape(subtitle)).append("</p>\n");
    }

    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A chart as an inline PNG, with a caption saying how to read it. */
    public HtmlPage chart(ChartImage chart) {
        images.add(chart);
        imageBytes += chart.png().length;
        body.append("<figure><img alt=\"").append(escape(chart.title())).append("\" width=\"").append(chart.width())
                .append("\" height=\"").append(chart.height()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(chart.png())).append("\">");
        if (!chart.caption().isEmpty()) {
            body.append("<figcaption>").append(escape(chart.caption())).append("</figcaption>");
        }
        body.append("</figure>\n");
        return this;
    }

    /**
     * A table; a cell of the column named {@code verdictColumn} gets the class {@code v-VALUE}
     * (coloured by verdict). Columns whose first data cell is not a number align left.
     */
    public HtmlPage table(List<String> header, List<List<String>> rows, String verdictColumn) {
        int verdict = header.indexOf(verdictColumn);
        boolean[] left = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            left[c] = rows.isEmpty() || c >= rows.getFirst().size() || !isNumber(rows.getFirst().get(c));
        }
        body.append("<table><tr>");
        for (int c = 0; c < header.size(); c++) {
            body.append(left[c] ? "<th class=\"l\">" : "<th>").append(escape(header.get(c))).append("</th>");
        }
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String cls = c == verdict && cell.matches("[A-Z_]+") ? "v-" + cell + (left[c] ? " l" : "") : left[c] ? "l" : "";
                body.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public int charts() {
        return images.size();
    }

    /** The charts on the page, in order. */
    public List<ChartImage> images() {
        return List.copyOf(images);
    }

    /** The page as one document. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                + "style-src 'unsafe-inline'; script-src '" + sha256(CHECK_SCRIPT) + "'\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n"
                + "<script>" + CHECK_SCRIPT + "</script>\n</head><body>\n"
                + body
                + "<p class=\"meta\" id=\"" + CHECK_ID + "\" data-status=\"not loaded\">" + images.size() + " chart(s), "
                + String.format(Locale.ROOT, "%,d", imageBytes) + " bytes of images; written by racebench, "
                + "self-contained: no request leaves this page.</p>\n</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isNumber(String cell) {
        return cell.matches("-?[0-9][0-9,.]*(e[-+]?[0-9]+)?%?");
    }

    private static String sha256(String script) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
