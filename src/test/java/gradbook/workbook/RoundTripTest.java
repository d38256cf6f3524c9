package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Matrix;
import gradbook.core.Networks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #4: the checks a real program's round trip must pass. Each subclass opens the workbooks
 * of {@link Generated#roundTripSet} in its program, which recalculates every formula and saves
 * them as .xlsx; the checks read them back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoundTripTest {
    private String missing;
    private List<Generated> workbooks;
    private Tamper.Spoiled storedWrong;
    private Generated audited;
    private final Map<Path, Path> recalculated = new HashMap<>();

    /** The program's name, as messages give it. */
    abstract String program();

    /** Null when the program is installed, else why the tests are skipped. */
    abstract String missingProgram();

    /** Recalculates each file in the program; returns the saved copies in the same order. */
    abstract List<Path> recalculate(List<Path> files, Path outFolder) throws Exception;

    /** The defined names as the program read them from {@code file}, as RoundTripCheck.names. */
    Map<String, String> namesRead(Path file) throws Exception {
        try (XSSFWorkbook wb = RoundTripCheck.open(recalculated(file))) {
            return RoundTripCheck.names(wb);
        }
    }

    /** More files to recalculate with the others, made from the worked example's workbook. */
    List<Path> moreFiles(Generated example, Path in) throws Exception {
        return List.of();
    }

    Path folder() {
        return RealPrograms.ROOT.resolve(program().toLowerCase());
    }

    /** The program's copy of {@code file}. */
    Path recalculated(Path file) {
        return recalculated.get(file);
    }

    Generated example() {
        return workbooks.get(0);
    }

    @BeforeAll
    void recalculate_every_workbook() throws Exception {
        missing = missingProgram();
        if (missing != null) {
            return;
        }
        Path in = folder().resolve("in");
        workbooks = Generated.roundTripSet();
        storedWrong = Tamper.storeWrongValue(example(), "First Layer",
                in.resolve("stored-value-wrong.xlsx"));

        List<Path> files = new ArrayList<>(workbooks.stream().map(Generated::file).toList());
        files.add(storedWrong.file());
        audited = audited(in);
        files.add(audited.file());
        files.addAll(moreFiles(example(), in));
        List<Path> out = recalculate(files, folder().resolve("out"));
        for (int i = 0; i < files.size(); i++) {
            recalculated.put(files.get(i), out.get(i));
        }
    }

    @BeforeEach
    void skip_without_the_program() {
        RealPrograms.assumeInstalled(missing);
    }

    // A missing program leaves no workbooks: each parameterized test then shows one skipped run.
    Stream<Generated> workbooks() {
        return missing == null ? workbooks.stream() : Stream.of((Generated) null);
    }

    @Test
    void recalculates_a_stored_value_instead_of_keeping_it() throws Exception {
        // given a copy of the example whose twin stores 42 instead of its value
        RoundTripCheck.Pair spoiled = storedWrong.pair();

        // when
        RoundTripCheck.Pair after = RoundTripCheck.sameTwin(recalculated(storedWrong.file()),
                spoiled);

        // then
        assertTrue(after.agrees(), program() + " kept the stored value instead of"
                + " recalculating: " + after.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void gives_every_twin_its_java_value(Generated g) throws Exception {
        // given
        Path file = recalculated(g.file());

        // when, then
        RoundTripCheck.assertTwinsAgree(g, file, program());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void shows_no_error_in_any_cell(Generated g) throws Exception {
        // given
        Path file = recalculated(g.file());

        // when, then
        RoundTripCheck.assertNoErrors(g, file, program());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void keeps_every_defined_name_over_the_same_cells(Generated g) throws Exception {
        // given
        Path file = g.file();

        // when
        Map<String, String> names = namesRead(file);

        // then
        RoundTripCheck.assertNamesKept(g, names, program());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void keeps_the_comment_of_every_label(Generated g) throws Exception {
        // given
        Map<String, String> expected;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            expected = RoundTripCheck.labelComments(wb, g.sheets());
        }

        // when
        Map<String, String> comments;
        try (XSSFWorkbook wb = RoundTripCheck.open(recalculated(g.file()))) {
            comments = RoundTripCheck.labelComments(wb, g.sheets());
        }

        // then
        assertEquals(expected, comments, g + ": label comments after " + program());
    }

    // Issue 7 part 4: the Audit sheet writes its strings in its cells, not in the shared
    // strings table as the other sheets do.
    @Test
    void reads_the_audit_sheet_whose_strings_are_in_its_cells() throws Exception {
        // given
        List<String> expected;
        try (XSSFWorkbook wb = RoundTripCheck.open(audited.file())) {
            expected = strings(wb.getSheet(AuditSheet.NAME));
        }

        // when
        List<String> read;
        try (XSSFWorkbook wb = RoundTripCheck.open(recalculated(audited.file()))) {
            read = strings(wb.getSheet(AuditSheet.NAME));
        }

        // then
        assertTrue(expected.contains("B8 z_0"), "the audit lists z_0 first: " + expected);
        assertEquals(expected, read, "the Audit sheet's text after " + program());
    }

    private static List<String> strings(Sheet sheet) {
        List<String> strings = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    strings.add(cell.getAddress() + " " + cell.getStringCellValue());
                }
            }
        }
        return strings;
    }

    // The worked example with a wrong hand value of z_0, so that it has an Audit sheet.
    private static Generated audited(Path in) throws Exception {
        Path template = in.resolve("audited-template.xlsx");
        TemplateWriter.write(Networks.workedExample(), "Audited",
                Map.of("z_0", Matrix.column(0.5, -0.5)), template);
        return Generated.fromTemplate(template, in, "audited");
    }

    @Test
    void keeps_the_chart_of_S_over_the_table() throws Exception {
        // given
        Path file = recalculated(example().file());

        // when
        List<String> series = new ArrayList<>();
        try (XSSFWorkbook wb = RoundTripCheck.open(file)) {
            for (XSSFChart chart : ActivationChartTest.charts(wb.getSheet(SheetPlan.ACTIVATION))) {
                for (var scatter : chart.getCTChart().getPlotArea().getScatterChartList()) {
                    for (var ser : scatter.getSerList()) {
                        series.add(RoundTripCheck.cells(ser.getXVal().getNumRef().getF())
                                + " against " + RoundTripCheck.cells(ser.getYVal().getNumRef()
                                        .getF()));
                    }
                }
            }
        }

        // then
        assertEquals(List.of("Activation!B5:B45 against Activation!C5:C45"), series,
                "the chart's series after " + program());
    }
}
