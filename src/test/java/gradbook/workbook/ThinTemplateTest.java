package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.audit.HandValue;
import gradbook.core.GradientStep;
import gradbook.core.Network;
import gradbook.core.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ThinTemplateTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "ThinTemplateTest");
    private static final long EVERY_SHEET = 0;
    private static final long NO_SHEET = Long.MAX_VALUE;
    /** W_0's top-left cell in a template TemplateWriter writes for widths 30, 8, 4. */
    private static final int W_0_ROW = 7;

    @Test
    void a_big_exercise_template_opens_in_a_heap_too_small_for_the_whole_read() throws Exception {
        // given the template `gradbook new --layers 784,128,10` writes
        Path template = folder().resolve("mnist.xlsx");
        if (!Files.exists(template)) {
            TemplateWriter.writeExercise(SampleNetworks.withWidths(new Random(1), 784, 128, 10),
                    "MNIST-sized", template);
        }

        // when each read runs in a 64 MB heap
        Child thinned = readInChild(template, ThinTemplate.DEFAULT_THRESHOLD);
        Child whole = readInChild(template, NO_SHEET);

        // then the thinned read keeps a few MB, where the whole one needs over 200 MB
        assertEquals(0, thinned.exit(), thinned.output());
        assertTrue(thinned.retainedMegabytes() < 40, thinned.output());
        assertNotEquals(0, whole.exit(), "the whole read fits in 64 MB: " + whole.output());
        assertTrue(whole.output().contains("OutOfMemoryError"), whole.output());
    }

    @Test
    void a_thinned_template_reads_as_the_whole_one_with_its_hand_values() throws Exception {
        // given a template whose hand values are partly filled in
        Path template = template("hands.xlsx", wb -> {
            Sheet hands = wb.getSheet(TemplateWriter.HAND_SHEET);
            for (Row row : hands) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK
                            && (row.getRowNum() + cell.getColumnIndex()) % 3 == 0) {
                        cell.setCellValue(row.getRowNum() / 7.0 - cell.getColumnIndex());
                    }
                }
            }
        });

        // when
        Template whole = withThreshold(NO_SHEET, () -> TemplateReader.read(template));
        Template thin = withThreshold(EVERY_SHEET, () -> TemplateReader.read(template));

        // then the numbers were kept out of POI, and read the same
        Sheet parameters = thin.workbook().getSheet(TemplateWriter.SHEET);
        assertNull(TemplateCells.cell(parameters, W_0_ROW, 1), "W_0's first cell is in POI");
        assertNotNull(TemplateCells.of(thin.workbook()).stored(parameters, W_0_ROW, 1));
        assertEquals(whole.network(), thin.network());
        assertEquals(whole.inputs(), thin.inputs());
        assertEquals(whole.warnings(), thin.warnings());
        Trace trace = whole.layout().shown(GradientStep.take(whole.network()));
        List<HandValue> expected = HandValueReader.read(whole, trace);
        assertEquals(expected, HandValueReader.read(thin, trace));
        assertTrue(expected.stream().anyMatch(h -> h.cells().stream()
                .anyMatch(r -> r.stream().anyMatch(c -> c.isNumber()))), "some hand values");
    }

    @Test
    void text_a_date_an_empty_cell_and_a_number_for_a_word_get_the_whole_reads_messages()
            throws Exception {
        // given W_0 with a word, a date, an empty cell and a number typed as text, and the
        // name loss over a number
        Path template = template("faults.xlsx", wb -> {
            Row row = wb.getSheet(TemplateWriter.SHEET).getRow(W_0_ROW);
            row.getCell(1).setCellValue("abc");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row.getCell(2).setCellStyle(date);
            row.getCell(2).setCellValue(45000);
            row.removeCell(row.getCell(3));
            row.getCell(4).setCellValue(" 0.5 ");
            row.getCell(5).setBlank();
            Name loss = wb.createName();
            loss.setNameName(FunctionNames.LOSS);
            loss.setRefersToFormula(TemplateWriter.SHEET + "!$B$9");
        });

        // when
        TemplateException whole = assertThrows(TemplateException.class,
                () -> withThreshold(NO_SHEET, () -> TemplateReader.read(template)));
        TemplateException thin = assertThrows(TemplateException.class,
                () -> withThreshold(EVERY_SHEET, () -> TemplateReader.read(template)));

        // then
        assertEquals(whole.problems(), thin.problems());
        assertEquals(whole.warnings(), thin.warnings());
        assertEquals(5, thin.problems().size(), thin.problems().toString());
        for (String expected : List.of("cell C8 (range W_0): expected a number but found the"
                + " date 2023-03-15", "cell D8 (range W_0): the cell is empty", "cell B9 (name"
                + " loss): expected a word such as cross_entropy but found the number")) {
            assertTrue(thin.problems().stream().anyMatch(p -> p.contains(expected)),
                    expected + " in " + thin.problems());
        }
        assertNotNull(withThreshold(EVERY_SHEET, () -> ThinTemplate.open(template)));
    }

    @Test
    void a_template_with_a_formula_keeps_its_numbers_in_poi_and_reads_right() throws Exception {
        // given eta computed by a formula from the cell beside it
        Path template = template("formula.xlsx", wb -> {
            Row row = wb.getSheet(TemplateWriter.SHEET).getRow(lastRow(wb));
            row.createCell(2).setCellValue(0.25);
            row.getCell(1).setCellFormula("C" + (row.getRowNum() + 1) + "*2");
        });

        // when
        Template whole = withThreshold(NO_SHEET, () -> TemplateReader.read(template));
        Template thin = withThreshold(EVERY_SHEET, () -> TemplateReader.read(template));

        // then the numbers stay cells, blanks are gone, and the values are the same
        Sheet parameters = thin.workbook().getSheet(TemplateWriter.SHEET);
        assertNotNull(TemplateCells.cell(parameters, W_0_ROW, 1));
        assertNull(TemplateCells.of(thin.workbook()).stored(parameters, W_0_ROW, 1));
        Sheet hands = thin.workbook().getSheet(TemplateWriter.HAND_SHEET);
        assertTrue(count(whole.workbook().getSheet(TemplateWriter.HAND_SHEET)) > 0);
        assertEquals(0, count(hands), "blank cells left in the thinned Hand Values sheet");
        assertEquals(0.5, thin.network().eta());
        assertEquals(whole.network(), thin.network());
    }

    @Test
    void a_formula_in_a_sheet_read_whole_keeps_the_other_sheets_numbers_in_poi()
            throws Exception {
        // given eta computed from a number on a sheet of its own, and the Parameters sheet,
        // which holds that formula, with a cell that lacks its reference (the format allows
        // it; SheetThinner does not thin such a sheet, so POI reads it whole)
        Path template = template("unthinnable.xlsx", wb -> {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue(0.25);
            wb.getSheet(TemplateWriter.SHEET).getRow(lastRow(wb)).getCell(1)
                    .setCellFormula("Notes!A1*2");
        });
        String sheet = "xl/worksheets/sheet1.xml";
        assertTrue(part(template, sheet).contains("<c r=\"A1\""), "Parameters is not " + sheet);
        replacePart(template, sheet, part(template, sheet).replaceFirst("<c r=\"A1\"", "<c"));

        // when
        Template whole = withThreshold(NO_SHEET, () -> TemplateReader.read(template));
        Template thin = withThreshold(EVERY_SHEET, () -> TemplateReader.read(template));

        // then the formula reads Notes!A1 in both
        assertEquals(0.5, whole.network().eta());
        assertEquals(0.5, thin.network().eta());
        assertEquals(whole.network(), thin.network());
    }

    @Test
    void the_outputs_template_sheets_are_the_templates_own_parts() throws Exception {
        // given
        Path template = template("output.xlsx", wb -> { });

        // when written twice from thinned reads
        Path first = write(template, "output-1.xlsx");
        Path second = write(template, "output-2.xlsx");

        // then each template sheet is the template's part, with its tab no longer selected
        for (String part : List.of("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")) {
            String original = part(template, part);
            assertEquals(original.replace(" tabSelected=\"true\"", ""), part(first, part), part);
        }
        assertTrue(part(template, "xl/worksheets/sheet1.xml").contains("tabSelected=\"true\""));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "run to run");
        try (XSSFWorkbook output = new XSSFWorkbook(Files.newInputStream(first))) {
            int selected = 0;
            for (Sheet sheet : output) {
                selected += sheet.isSelected() ? 1 : 0;
            }
            assertEquals(1, selected, "selected tabs");
        }
    }

    @Test
    void a_regenerated_output_reads_as_its_template_and_writes_its_sheets_again()
            throws Exception {
        // given an output of a thinned template
        Path template = template("again.xlsx", wb -> { });
        Path output = write(template, "again-gradbook.xlsx");

        // when it is read as a template, thinned, its generated sheets read empty
        Template whole = withThreshold(NO_SHEET, () -> TemplateReader.read(template));
        Template again = withThreshold(EVERY_SHEET, () -> TemplateReader.read(output));

        // then
        assertEquals(whole.network(), again.network());
        assertTrue(again.notes().get(0).contains("written by gradbook before; replacing its"),
                again.notes().toString());
        assertEquals(List.of(TemplateWriter.SHEET, TemplateWriter.HAND_SHEET),
                List.of(again.workbook().getSheetName(0), again.workbook().getSheetName(1)));
        Path regenerated = Generated.writeReproducibly(again,
                folder().resolve("again-again.xlsx"));
        assertEquals(part(output, "xl/worksheets/sheet1.xml"),
                part(regenerated, "xl/worksheets/sheet1.xml"));
        assertEquals(sheetCount(output), sheetCount(regenerated));
    }

    @Test
    void select_sets_each_sheet_views_tab_as_written_and_says_when_nothing_changes() {
        String head = "<sheetViews><sheetView workbookViewId=\"0\" tabSelected='true'/>"
                + "<sheetView workbookViewId=\"1\"/></sheetViews>";

        assertEquals("<sheetViews><sheetView workbookViewId=\"0\"/>"
                + "<sheetView tabSelected=\"1\" workbookViewId=\"1\"/></sheetViews>",
                OriginalSheets.select(head, List.of(false, true)));
        assertNull(OriginalSheets.select(head, List.of(true, false)));
        assertNull(OriginalSheets.select(head, List.of()));
    }

    // A template for widths 30, 8, 4 with empty hand-value cells, as `gradbook new` writes.
    private static Path template(String name, Consumer<XSSFWorkbook> change) throws Exception {
        Path file = folder().resolve(name);
        TemplateWriter.writeExercise(SampleNetworks.withWidths(new Random(7), 30, 8, 4),
                "thin", file);
        return Edits.edit(file, change);
    }

    private static Path write(Path template, String name) throws Exception {
        return Generated.writeReproducibly(
                withThreshold(EVERY_SHEET, () -> TemplateReader.read(template)),
                folder().resolve(name));
    }

    private static int lastRow(XSSFWorkbook wb) {
        return wb.getSheet(TemplateWriter.SHEET).getLastRowNum();
    }

    private static int count(Sheet sheet) {
        int cells = 0;
        for (Row row : sheet) {
            for (Cell cell : row) {
                cells += cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK ? 1 : 0;
            }
        }
        return cells;
    }

    private static String part(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry e = file.getEntry(name);
            try (InputStream in = file.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    // The package again with one part's text replaced, every other entry as it was.
    private static void replacePart(Path zip, String name, String text) throws IOException {
        Path copy = zip.resolveSibling(zip.getFileName() + ".part");
        try (ZipFile in = new ZipFile(zip.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream part = in.getInputStream(e)) {
                        part.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(copy, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int sheetCount(Path workbook) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            return wb.getNumberOfSheets();
        }
    }

    static <T> T withThreshold(long bytes, Callable<T> work) throws Exception {
        String before = System.getProperty(ThinTemplate.THRESHOLD_PROPERTY);
        System.setProperty(ThinTemplate.THRESHOLD_PROPERTY, Long.toString(bytes));
        try {
            return work.call();
        } finally {
            if (before == null) {
                System.clearProperty(ThinTemplate.THRESHOLD_PROPERTY);
            } else {
                System.setProperty(ThinTemplate.THRESHOLD_PROPERTY, before);
            }
        }
    }

    private record Child(int exit, String output) {
        double retainedMegabytes() {
            return Double.parseDouble(output.replaceAll("(?s).*retained ([0-9.]+) MB.*", "$1"));
        }
    }

    private static Child readInChild(Path template, long threshold) throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-D" + ThinTemplate.THRESHOLD_PROPERTY + "=" + threshold,
                "-cp", System.getProperty("java.class.path"), TemplateHeap.class.getName(),
                template.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child did not end");
        return new Child(child.exitValue(), output);
    }

    private static Path folder() throws IOException {
        return Files.createDirectories(FOLDER);
    }
}
