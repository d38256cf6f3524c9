package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Networks;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AreaI;
import org.apache.poi.ss.formula.ptg.ArrayPtg;
import org.apache.poi.ss.formula.ptg.AttrPtg;
import org.apache.poi.ss.formula.ptg.ControlPtg;
import org.apache.poi.ss.formula.ptg.OperationPtg;
import org.apache.poi.ss.formula.ptg.ParenthesisPtg;
import org.apache.poi.ss.formula.ptg.PowerPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.UnaryMinusPtg;
import org.apache.poi.ss.formula.ptg.UnaryPlusPtg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: the formulas gradbook writes use only what Excel, LibreOffice and gnumeric read
 * alike. Each formula is parsed into its tokens and checked for the forms that differ between
 * the programs; the real programs' round trips check the values.
 */
class FormulasTest {
    private static final Path FOLDER = Path.of("target", "formulas");

    /** Functions all three programs have, checked in each; a new one needs the same check. */
    private static final Set<String> SHARED_FUNCTIONS = Set.of("SUMPRODUCT", "IF", "EXP", "SUM",
            "SUMXMY2", "TANH", "LN", "MAX", "SQRT", "MMULT");
    /**
     * Functions that take a range as a range, with no array evaluation: Excel declares
     * SUMXMY2's arguments as arrays, as it does SUMPRODUCT's, so it inserts no @ before them;
     * MAX reduces a range as SUM does; MMULT takes arrays too, and of a row and a column gives
     * one number (issue #7, part 4).
     */
    private static final Set<String> RANGE_FUNCTIONS = Set.of("SUMPRODUCT", "SUM", "SUMXMY2",
            "MAX", "MMULT");

    private static final List<Generated> workbooks = new ArrayList<>();

    @BeforeAll
    static void write_workbooks() throws Exception {
        workbooks.add(Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example"));
        workbooks.add(Generated.fromNetwork(Networks.random(new Random(5), 3, 6, 4, 5, 2),
                FOLDER, "deep"));
        // Issue #7: tanh, softmax and cross-entropy over 3 samples; relu, identity and binary
        // cross-entropy after a sigmoid.
        workbooks.add(Generated.fromTemplate(Path.of("templates", "classifier-example.xlsx"),
                FOLDER, "classifier"));
        workbooks.add(Generated.fromNetwork(SampleNetworks.withFunctions(), FOLDER,
                "relu-identity"));
        // Adam's first step, under SQRT.
        workbooks.add(Generated.fromNetwork(SampleNetworks.training(), FOLDER, "adam-steps"));
        // Issue #7, part 4: sums past Formulas.TERMS_WRITTEN_OUT terms, in both layouts.
        for (boolean outByIn : List.of(false, true)) {
            Path template = FOLDER.resolve("wide-" + outByIn + "-template.xlsx");
            java.nio.file.Files.createDirectories(FOLDER);
            TemplateWriter.write(Networks.random(new Random(8), 33, 3, 33, 1), "33 wide",
                    new TemplateLayout(outByIn, false), java.util.Map.of(), template);
            workbooks.add(Generated.fromTemplate(template, FOLDER, "wide-" + outByIn));
        }
    }

    @Test
    void writes_a_sum_of_more_than_32_terms_as_one_function_of_two_ranges() throws Exception {
        for (Generated g : workbooks.subList(workbooks.size() - 2, workbooks.size())) {
            // given 33 inputs, 3 units, 33 units, 1 output
            boolean outByIn = g.name().endsWith("true");

            // when
            String z0 = twin(g, "z_0");
            String delta0 = twin(g, "delta_0");

            // then z_0 over x's 33 entries, δ_0 over layer 1's 33 units
            assertTrue(z0.startsWith(outByIn ? "MMULT('Network'!" : "SUMPRODUCT('Network'!"), z0);
            assertTrue(delta0.startsWith(outByIn ? "SUMPRODUCT(" : "MMULT("), delta0);
            assertFalse(delta0.contains("+"), delta0);
        }
    }

    @Test
    void uses_only_functions_that_all_three_programs_share() throws Exception {
        // given
        Set<String> used = new TreeSet<>();

        // when
        for (Generated g : workbooks) {
            for (Written f : formulas(g)) {
                used.addAll(f.functions());
            }
        }

        // then
        assertEquals(new TreeSet<>(SHARED_FUNCTIONS), used, "functions in the formulas");
    }

    @Test
    void writes_no_array_formula_and_no_range_in_arithmetic() throws Exception {
        // given
        List<String> problems = new ArrayList<>();

        // when
        for (Generated g : workbooks) {
            for (Written f : formulas(g)) {
                problems.addAll(f.problems());
            }
        }

        // then
        RoundTripCheck.assertNone("formula forms", problems);
    }

    // The forms the check must catch, shown on formulas written by hand.
    @Test
    void catches_the_forms_that_differ_between_programs() throws Exception {
        // given
        Generated g = workbooks.get(0);

        // when, then
        assertFalse(check(g, "-A5^2").problems().isEmpty(), "=-A5^2: a minus before a power");
        assertFalse(check(g, "2^B5^2").problems().isEmpty(), "=2^B5^2: a chain of powers");
        assertFalse(check(g, "SUM((B5:B6-D5:D6)^2)").problems().isEmpty(),
                "=SUM((B5:B6-D5:D6)^2): a range in arithmetic, an array evaluation");
        assertFalse(check(g, "INDEX(B5:C6,0,1)").problems().isEmpty(), "=INDEX(…,0,1)");
        assertTrue(check(g, "(-A5)^2+SUM(B5:B6)*SUMPRODUCT(B5:B6,D5:D6)").problems().isEmpty(),
                "bracketed and range-taking forms are fine");
    }

    @Test
    void brackets_every_squared_difference() throws Exception {
        // given
        Generated g = workbooks.get(0);

        // when
        List<String> squares = new ArrayList<>();
        for (Written f : formulas(g)) {
            if (f.formula().contains("^")) {
                squares.add(f.formula());
            }
        }

        // then
        assertEquals(2, squares.size(), "squared errors of the example: " + squares);
        assertTrue(squares.stream().noneMatch(f -> f.contains("TANH")), "no tanh powered");
        for (String square : squares) {
            assertTrue(square.matches("\\([^()]*\\)\\^2"), "=" + square + " is not (p-q)^2");
        }
    }

    /** A formula as written in a cell, and what its tokens show. */
    // The formula of the twin of entry (0, 0) of the quantity {@code name}.
    private static String twin(Generated g, String name) throws Exception {
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            return FormulaModesTest.twins(wb, g.trace()).stream()
                    .filter(t -> t.entry() != null && t.entry().name().equals(name)
                            && t.entry().i() == 0 && t.entry().j() == 0)
                    .findFirst().orElseThrow().twin().getCellFormula();
        }
    }

    record Written(String where, String formula, Set<String> functions, List<String> problems) {
    }

    private static List<Written> formulas(Generated g) throws Exception {
        List<Written> formulas = new ArrayList<>();
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            XSSFEvaluationWorkbook parsing = XSSFEvaluationWorkbook.create(wb);
            for (String name : g.sheets()) {
                XSSFSheet sheet = wb.getSheet(name);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            String where = g + ", sheet " + name + ", cell "
                                    + new CellReference(cell).formatAsString(false);
                            Written w = analyse(where, cell.getCellFormula(), parsing,
                                    wb.getSheetIndex(sheet));
                            if (cell.isPartOfArrayFormulaGroup()) {
                                w.problems().add(where + ": an array formula");
                            }
                            formulas.add(w);
                        }
                    }
                }
            }
        }
        assertTrue(formulas.size() > 100, g + ": expected its formulas, found " + formulas.size());
        return formulas;
    }

    private static Written check(Generated g, String formula) throws Exception {
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            int sheet = wb.getSheetIndex("First Layer");
            return analyse("=" + formula, formula, XSSFEvaluationWorkbook.create(wb), sheet);
        }
    }

    /** What each value on the evaluation stack came from. */
    private enum Made { OPERAND, RANGE, POWER, UNARY, BRACKETS, OTHER }

    // Walks the tokens in the order a program evaluates them, keeping what made each value on
    // the stack, so an operator can see what it is applied to.
    private static Written analyse(String where, String formula, XSSFEvaluationWorkbook parsing,
            int sheet) {
        Set<String> functions = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Deque<Made> stack = new ArrayDeque<>();
        for (Ptg ptg : FormulaParser.parse(formula, parsing, FormulaType.CELL, sheet)) {
            if (ptg instanceof ArrayPtg) {
                problems.add(where + ": an array constant in =" + formula);
                stack.push(Made.RANGE);
            } else if (ptg instanceof AreaI) {
                stack.push(Made.RANGE);
            } else if (ptg instanceof ParenthesisPtg) {
                stack.push(stack.pop() == Made.RANGE ? Made.RANGE : Made.BRACKETS);
            } else if (ptg instanceof AttrPtg attr) {
                if (attr.isSum()) {
                    functions.add("SUM");
                    stack.pop();
                    stack.push(Made.OTHER);
                }
            } else if (ptg instanceof AbstractFunctionPtg function) {
                String name = function.getName();
                functions.add(name);
                List<Made> args = pop(stack, function.getNumberOfOperands());
                if (args.contains(Made.RANGE) && !RANGE_FUNCTIONS.contains(name)) {
                    problems.add(where + ": " + name + " takes a range in =" + formula);
                }
                if (name.equals("INDEX") && formula.matches(".*INDEX\\([^,]*,\\s*0\\b.*|"
                        + ".*INDEX\\([^,]*,[^,]*,\\s*0\\b.*")) {
                    problems.add(where + ": INDEX with a 0 row or column in =" + formula);
                }
                stack.push(Made.OTHER);
            } else if (ptg instanceof OperationPtg operator) {
                List<Made> args = pop(stack, operator.getNumberOfOperands());
                if (args.contains(Made.RANGE)) {
                    problems.add(where + ": a range in arithmetic, evaluated as an array by"
                            + " some programs and cut to one cell by others, in =" + formula);
                }
                boolean unary = ptg instanceof UnaryMinusPtg || ptg instanceof UnaryPlusPtg;
                if (unary && args.get(0) == Made.POWER) {
                    problems.add(where + ": a sign before a power without brackets (Excel"
                            + " reads =-A1^2 as (-A1)^2, POI as -(A1^2)) in =" + formula);
                }
                if (ptg instanceof PowerPtg && (args.get(0) == Made.POWER
                        || args.get(0) == Made.UNARY)) {
                    problems.add(where + ": a power of a power or of a sign without brackets"
                            + " in =" + formula);
                }
                stack.push(unary ? Made.UNARY : ptg instanceof PowerPtg ? Made.POWER
                        : Made.OTHER);
            } else if (!(ptg instanceof ControlPtg)) {
                stack.push(Made.OPERAND);
            }
        }
        return new Written(where, formula, functions, problems);
    }

    // The operands in the order written, first operand first.
    private static List<Made> pop(Deque<Made> stack, int n) {
        List<Made> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(0, stack.pop());
        }
        return args;
    }
}
