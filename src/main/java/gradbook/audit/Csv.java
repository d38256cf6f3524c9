package gradbook.audit;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: a field with a comma, a quote or a line break is quoted, with its
 * quotes doubled; lines end in CRLF. A number is written with every digit it has.
 */
final class Csv {
    private Csv() {
    }

    static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** One line, its CRLF included, for a writer that takes the lines one at a time. */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        line(out, fields);
        return out.toString();
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** The shortest decimal that reads back as the same double; empty for NaN. */
    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
