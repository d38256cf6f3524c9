package gradbook.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Finds which defined names of a template are its parameters x, y, W_k, b_k and eta, and its
 * optional choices activation, loss, batch_gradient, update_biases, weight_layout,
 * sample_layout, steps, optimizer and the optimizer's hyper-parameters momentum, rho, beta_1,
 * beta_2 and epsilon.
 *
 * <p>Excel compares names without regard to case, so w_0 is W_0. A workbook-scoped name is
 * used when there is one; otherwise a name defined on one sheet only, and when several sheets
 * define it, the first sheet's, with a warning that says so. Hidden names, built-in names
 * ({@code _xlnm.Print_Area} and the like) and function names are never parameters. A name that
 * is also a cell address (the document's W1, b2) cannot be used in formulas; it is reported
 * with the rename that makes it a parameter.
 */
final class ParameterNames {
    private static final Pattern PARAMETER = Pattern.compile(
            "(x|y|eta|W_(\\d+)|b_(\\d+)|activation|loss|batch_gradient|update_biases"
                    + "|weight_layout|sample_layout|steps|optimizer|momentum|rho|beta_1|beta_2"
                    + "|epsilon)",
            Pattern.CASE_INSENSITIVE);
    /** The document's own spelling, without the underscore: W0, W1, b1, b2. */
    private static final Pattern DOCUMENT_SPELLING = Pattern.compile("([Wb])(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern R1C1 = Pattern.compile("R\\d*C\\d*", Pattern.CASE_INSENSITIVE);

    /** Each parameter's chosen name, by canonical spelling (W_0, b_1, x, y, eta). */
    final Map<String, XSSFName> chosen = new TreeMap<>();
    /** Parameters that are present only under an address-like name, with that name. */
    final Map<String, String> misspelled = new LinkedHashMap<>();
    /** Parameters that are present only as hidden names. */
    final List<String> hidden = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    private final String file;

    private ParameterNames(String file) {
        this.file = file;
    }

    static ParameterNames find(XSSFWorkbook workbook, String file) {
        ParameterNames names = new ParameterNames(file);
        Map<String, List<XSSFName>> candidates = new TreeMap<>();
        Map<String, String> addressLike = new LinkedHashMap<>();
        for (Name n : workbook.getAllNames()) {
            XSSFName name = (XSSFName) n;
            String text = name.getNameName();
            if (text == null || text.isBlank()) {
                names.problems.add(file + ": the file is damaged: a defined name (="
                        + name.getRefersToFormula() + ") has no name; open it in your"
                        + " spreadsheet program and save it again");
                continue;
            }
            if (isBuiltIn(text) || name.isFunctionName()) {
                continue;
            }
            Matcher m = PARAMETER.matcher(text);
            if (name.isHidden()) {
                if (m.matches()) {
                    names.hidden.add(canonical(m));
                }
                continue;
            }
            if (m.matches()) {
                candidates.computeIfAbsent(canonical(m), k -> new ArrayList<>()).add(name);
            } else if (looksLikeAddress(text)) {
                addressLike.put(text, suggestion(text));
            }
        }
        for (Map.Entry<String, List<XSSFName>> e : candidates.entrySet()) {
            names.choose(e.getKey(), e.getValue(), workbook);
        }
        names.reportAddressLike(addressLike);
        names.hidden.removeAll(names.chosen.keySet());
        return names;
    }

    private void choose(String key, List<XSSFName> found, XSSFWorkbook workbook) {
        XSSFName global = found.stream().filter(n -> n.getSheetIndex() == -1).findFirst()
                .orElse(null);
        List<XSSFName> local = found.stream().filter(n -> n.getSheetIndex() != -1)
                .sorted((a, b) -> Integer.compare(a.getSheetIndex(), b.getSheetIndex()))
                .toList();
        if (global != null) {
            chosen.put(key, global);
            if (!local.isEmpty()) {
                warnings.add(file + ", name " + key + ": defined for the workbook ("
                        + global.getRefersToFormula() + ") and also on " + sheets(local)
                        + "; gradbook used the workbook's; delete the others to silence this");
            }
            return;
        }
        XSSFName first = local.get(0);
        chosen.put(key, first);
        if (local.size() > 1) {
            warnings.add(file + ", name " + key + ": not defined for the workbook but on "
                    + sheets(local) + "; gradbook used the one on sheet "
                    + workbook.getSheetName(first.getSheetIndex()) + " ("
                    + first.getRefersToFormula() + "); delete the others or define " + key
                    + " for the workbook");
        }
    }

    private static String sheets(List<XSSFName> local) {
        List<String> sheets = local.stream().map(XSSFName::getSheetName).toList();
        return (sheets.size() == 1 ? "sheet " : "sheets ") + String.join(", ", sheets);
    }

    // W1 is the cell in column W, row 1, and R1C1 a cell in R1C1 notation, so neither program
    // lets a person use them as names; they come from hand-edited or generated files.
    private void reportAddressLike(Map<String, String> addressLike) {
        for (Map.Entry<String, String> e : addressLike.entrySet()) {
            String name = e.getKey();
            String rename = e.getValue();
            String what = R1C1.matcher(name).matches()
                    ? "is a cell address in R1C1 notation"
                    : "is also the address of a cell";
            boolean parameter = DOCUMENT_SPELLING.matcher(name).matches();
            if (parameter && !chosen.containsKey(rename)) {
                misspelled.put(rename, name);
            } else {
                warnings.add(file + ", name " + name + ": " + what + ", so spreadsheet programs"
                        + " cannot use it in formulas; gradbook ignores it; rename it " + rename);
            }
        }
    }

    /** The message for a parameter that is present only under an address-like name. */
    String misspelledProblem(String key) {
        String name = misspelled.get(key);
        return file + ", name " + name + ": " + name + " is also the address of a cell, so"
                + " spreadsheet programs cannot use it in formulas and gradbook does not read it"
                + " as " + key + "; rename it " + key;
    }

    static boolean isBuiltIn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("_xlnm.") || lower.startsWith("_xlfn.")
                || lower.startsWith("_xlpm.");
    }

    private static boolean looksLikeAddress(String name) {
        if (R1C1.matcher(name).matches() || DOCUMENT_SPELLING.matcher(name).matches()) {
            return true;
        }
        try {
            return CellReference.classifyCellReference(name, SpreadsheetVersion.EXCEL2007)
                    == CellReference.NameType.CELL;
        } catch (IllegalArgumentException e) {
            return false; // POI refuses a name that starts with no letter (`_1 in a damaged file)
        }
    }

    // W1 becomes W_1 and b2 b_2, the names gradbook reads; any other address gets a '_'.
    private static String suggestion(String name) {
        Matcher m = DOCUMENT_SPELLING.matcher(name);
        if (m.matches()) {
            String letter = m.group(1).equalsIgnoreCase("W") ? "W" : "b";
            return letter + "_" + Integer.parseInt(m.group(2));
        }
        return name + "_";
    }

    // Excel treats names case-insensitively, so w_0 is W_0.
    static String canonical(Matcher m) {
        if (m.group(2) != null) {
            return "W_" + Integer.parseInt(m.group(2));
        }
        if (m.group(3) != null) {
            return "b_" + Integer.parseInt(m.group(3));
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }
}
