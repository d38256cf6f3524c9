package gradbook.audit;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit written for a terminal (an aligned table), for programs (JSON) or for a spreadsheet
 * of a whole class (CSV, one row per entry, with the workbook's name on each row so that the
 * files of many students can be concatenated). The JSON and CSV layouts are documented in the
 * README and stay stable: fields may be added, never renamed or removed.
 */
public final class AuditReport {
    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("workbook", "name", "row", "col",
            "cell", "hand", "computed", "difference", "verdict", "cause_codes", "causes");

    private final String workbook;
    private final Audit audit;

    public AuditReport(String workbook, Audit audit) {
        this.workbook = workbook;
        this.audit = audit;
    }

    /**
     * One line per entry under a header, then one line of totals. A quantity left empty is
     * one line, without its computed values: the table is for finding what is wrong, and it
     * does not hand a student the answers they have not yet worked out.
     */
    public String table() {
        if (audit.quantities().isEmpty()) {
            return summary() + System.lineSeparator();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "position", "cell", "hand", "computed", "difference",
            "verdict", "cause"});
        for (QuantityAudit q : audit.quantities()) {
            if (q.verdict() == Verdict.NOT_GIVEN) {
                rows.add(new String[] {q.name(), q.notGivenPosition(), q.cellRange(), "", "",
                    "", q.verdict().word(), ""});
                continue;
            }
            List<String> positions = q.positions();
            for (int i = 0; i < q.entries().size(); i++) {
                EntryAudit e = q.entries().get(i);
                rows.add(new String[] {q.name(), positions.get(i), e.cell(),
                    e.text() != null ? e.text() : SixDigits.format(e.hand()),
                    SixDigits.format(e.computed()), SixDigits.format(e.difference()),
                    e.verdict().word(), e.verdict().isWrong() ? q.explanation() : ""});
            }
        }
        StringBuilder out = new StringBuilder();
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c]
                        : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.append(summary()).append(System.lineSeparator()).toString();
    }

    /** e.g. "worked-example.xlsx: 8 of 13 hand values wrong (24 of 34 given entries)". */
    public String summary() {
        long given = given();
        if (audit.quantities().isEmpty()) {
            return workbook + ": no hand values (define names hand_<quantity> over your values)";
        }
        return workbook + ": " + audit.quantities(Verdict.MISMATCH) + " of "
                + audit.quantities().size() + " hand values wrong (" + wrong() + " of " + given
                + " given entries), " + audit.convention().word() + " convention";
    }

    public String json() {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.beginObject();
            json.name("format").value("gradbook-audit");
            json.name("version").value(1);
            json.name("workbook").value(workbook);
            json.name("convention").value(audit.convention().word());
            Json.tolerance(json, audit.tolerance());
            json.name("all_match").value(audit.allMatch());
            json.name("summary").beginObject();
            json.name("quantities").value(audit.quantities().size());
            json.name("matching").value(audit.quantities(Verdict.MATCH));
            json.name("mismatching").value(audit.quantities(Verdict.MISMATCH));
            json.name("not_given").value(audit.quantities(Verdict.NOT_GIVEN));
            json.name("entries_given").value(given());
            json.name("entries_wrong").value(wrong());
            json.endObject();
            json.name("quantities").beginArray();
            for (QuantityAudit q : audit.quantities()) {
                quantity(json, q);
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + System.lineSeparator();
    }

    private static void quantity(JsonWriter json, QuantityAudit q) throws IOException {
        json.beginObject();
        json.name("name").value(q.name());
        json.name("symbol").value(q.notation().split(" = ")[0]);
        json.name("verdict").value(q.verdict().word());
        json.name("written_transposed").value(q.writtenTransposed());
        json.name("causes").beginArray();
        for (Cause c : q.causes()) {
            json.beginObject().name("code").value(c.code()).name("text").value(c.text())
                    .endObject();
        }
        json.endArray();
        json.name("entries").beginArray();
        for (EntryAudit e : q.entries()) {
            json.beginObject();
            json.name("row").value(e.row() + 1);
            json.name("col").value(e.col() + 1);
            json.name("cell").value(e.cell());
            Json.number(json.name("hand"), e.hand());
            json.name("text").value(e.text());
            Json.number(json.name("computed"), e.computed());
            Json.number(json.name("difference"), e.difference());
            json.name("verdict").value(e.verdict().word());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** A header line, then one line per entry (RFC 4180 quoting, CRLF line ends). */
    public String csv() {
        StringBuilder out = new StringBuilder();
        Csv.line(out, CSV_COLUMNS);
        for (QuantityAudit q : audit.quantities()) {
            String codes = String.join(";", q.causes().stream().map(Cause::code).toList());
            for (EntryAudit e : q.entries()) {
                boolean wrong = e.verdict().isWrong();
                Csv.line(out, List.of(workbook, q.name(), Integer.toString(e.row() + 1),
                        Integer.toString(e.col() + 1), e.cell(),
                        e.text() != null ? e.text() : Csv.number(e.hand()),
                        Csv.number(e.computed()), Csv.number(e.difference()),
                        e.verdict().word(), wrong ? codes : "", wrong ? q.explanation() : ""));
            }
        }
        return out.toString();
    }

    private long given() {
        return audit.entries(Verdict.MATCH) + wrong();
    }

    private long wrong() {
        return audit.entries(Verdict.MISMATCH) + audit.entries(Verdict.NOT_A_NUMBER);
    }
}
