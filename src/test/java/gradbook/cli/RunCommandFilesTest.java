package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.GradientStep;
import gradbook.workbook.Regeneration;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;

/** Issue 5, files: each kind of file that is not a usable .xlsx gets one clear line. */
class RunCommandFilesTest {

    @Test
    void reports_a_folder_given_as_the_template() {
        // given
        Path folder = Fixtures.folder(getClass(), "folder");
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", folder, "-o", output);

        // then
        assertRefused(r, Cli.Snapshot.of(folder), output, folder.toString(), "not a file");
    }

    @Test
    void reports_a_template_that_does_not_exist() {
        Path folder = Fixtures.folder(getClass(), "missing");
        Path template = folder.resolve("nowhere.xlsx");
        Path output = folder.resolve("out.xlsx");

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, Cli.Snapshot.of(template), output, "nowhere.xlsx", "no such file");
    }

    // Root reads any file whatever its mode, so as root the test reads a file whose read
    // fails in the kernel instead: /proc/self/mem at offset 0.
    @Test
    void reports_a_template_that_cannot_be_read() throws IOException {
        // given
        Path folder = Fixtures.folder(getClass(), "unreadable");
        Path template = Fixtures.workedExample(folder.resolve("locked.xlsx"));
        Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(template)) {
            template = Path.of("/proc/self/mem");
        }
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, Cli.Snapshot.of(folder.resolve("locked.xlsx")), output,
                template.getFileName().toString(), "cannot be read");
    }

    @Test
    void reports_an_empty_file() {
        Path folder = Fixtures.folder(getClass(), "empty");
        Path template = Fixtures.write(folder.resolve("empty.xlsx"), new byte[0]);
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "empty.xlsx", "empty (0 bytes)");
    }

    @Test
    void reports_a_text_file_as_not_a_spreadsheet() {
        Path folder = Fixtures.folder(getClass(), "text");
        Path template = Fixtures.write(folder.resolve("weights.xlsx"),
                "x,1,1\ny,1,1\n".getBytes(StandardCharsets.UTF_8));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "weights.xlsx", "not a spreadsheet", ".xlsx");
    }

    @Test
    void reports_a_zip_that_is_not_a_workbook() throws IOException {
        Path folder = Fixtures.folder(getClass(), "zip");
        Path template = folder.resolve("archive.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(template))) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "archive.xlsx", "not an Excel workbook");
    }

    @Test
    void reports_a_truncated_workbook_as_damaged() {
        // given: the first two thirds of a good template
        Path folder = Fixtures.folder(getClass(), "truncated");
        byte[] good = Fixtures.bytes(Fixtures.workedExample(folder.resolve("good.xlsx")));
        Path template = Fixtures.write(folder.resolve("truncated.xlsx"),
                Arrays.copyOf(good, good.length * 2 / 3));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "truncated.xlsx", "damaged", "save it again");
    }

    @Test
    void a_link_is_followed_to_its_file_and_never_to_the_template() throws Exception {
        // given: a template reached through a link, and a link to the template as -o
        Path folder = Fixtures.folder(getClass(), "links");
        Path real = Files.copy(Cli.EXAMPLE, folder.resolve("real.xlsx"));
        Path link = Files.createSymbolicLink(folder.resolve("link.xlsx"), real.getFileName());
        Path other = Files.copy(Cli.EXAMPLE, folder.resolve("other.xlsx"));
        Cli.Snapshot otherBefore = Cli.Snapshot.of(other);
        Path toOther = Files.createSymbolicLink(folder.resolve("to-other.xlsx"),
                other.getFileName());

        // when
        Cli.Result inPlace = Cli.run("run", link, "--in-place");
        Cli.Result onTemplate = Cli.run("run", other, "-o", toOther, "--force");
        Path out = Files.createDirectories(folder.resolve("out"));
        Files.createSymbolicLink(out.resolve("other-gradbook.xlsx"), other.toAbsolutePath());
        Cli.Result batch = Cli.run("batch", other, "-o", out, "--force");

        // then: the link stays and leads to the regenerated workbook
        assertEquals(0, inPlace.exit(), inPlace.toString());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        try (InputStream in = Files.newInputStream(real); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getSheet("Derivatives") != null, "real.xlsx regenerated");
        }
        // and a link to the template is the template, which only --in-place changes
        assertEquals(2, onTemplate.exit(), onTemplate.toString());
        assertTrue(onTemplate.err().contains("is the template itself"), onTemplate.err());
        assertEquals(1, batch.exit(), batch.toString());
        assertTrue(batch.err().contains("is the template itself, or a link to it"), batch.err());
        otherBefore.assertUnchanged();
        Cli.assertNoTemporaryFiles(folder);
    }

    @Test
    void asks_for_the_password_of_a_protected_template() {
        Path folder = Fixtures.folder(getClass(), "password-missing");
        Path template = Fixtures.encrypted(folder, "locked.xlsx", "s3cret");
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "locked.xlsx", "password-protected", "--password");
    }

    @Test
    void a_password_for_a_template_without_one_is_a_warning() {
        // given
        Path output = Fixtures.folder(getClass(), "password-unneeded").resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", Cli.EXAMPLE, "-o", output, "--password=s3cret");

        // then: written, unprotected, and the user told so
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("not password-protected, so --password is not needed"),
                r.err());
        assertTrue(Regeneration.isMarked(output), "a plain workbook gradbook wrote");
    }

    @Test
    void reports_a_wrong_password() {
        Path folder = Fixtures.folder(getClass(), "password-wrong");
        Path template = Fixtures.encrypted(folder, "locked.xlsx", "s3cret");
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output, "--password", "S3CRET");

        assertRefused(r, before, output, "locked.xlsx", "does not open", "case-sensitive");
    }

    @Test
    void opens_a_protected_template_with_its_password_and_protects_the_output_alike()
            throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "password-given");
        Path template = Fixtures.encrypted(folder, "locked.xlsx", "s3cret");
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output, "--password", "s3cret");

        // then: the values read are the worked example's, and the output needs the password
        assertEquals(0, r.exit(), r.toString());
        before.assertUnchanged();
        Template read = TemplateReader.read(template, "s3cret");
        assertEquals(Fixtures.workedExample(), read.network());
        try (POIFSFileSystem fs = new POIFSFileSystem(output.toFile(), true)) {
            Decryptor d = Decryptor.getInstance(new EncryptionInfo(fs));
            assertFalse(d.verifyPassword("wrong"));
            assertTrue(d.verifyPassword("s3cret"));
            try (InputStream in = d.getDataStream(fs); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                double expected = GradientStep.take(Fixtures.workedExample()).E();
                assertEquals(expected, Outputs.nameValue(wb, "E"), 0.0, "E in the output");
            }
        }
    }

    @Test
    void reads_a_macro_workbook_and_leaves_its_macros_out_of_the_output() throws Exception {
        // given: the worked example saved as .xlsm with a VBA project part
        Path folder = Fixtures.folder(getClass(), "macros");
        Path template = macroWorkbook(folder.resolve("with-macros.xlsm"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("macros are left out"), r.toString());
        before.assertUnchanged();
        assertEquals(Fixtures.workedExample(), TemplateReader.read(template).network());
        List<String> parts = new ArrayList<>();
        String contentTypes = "";
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(output))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.add(e.getName());
                if (e.getName().equals("[Content_Types].xml")) {
                    contentTypes = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertFalse(parts.stream().anyMatch(p -> p.contains("vbaProject")), parts.toString());
        assertFalse(contentTypes.contains("macroEnabled"), contentTypes);
        assertFalse(contentTypes.contains("vbaProject"), contentTypes);
        assertTrue(contentTypes.contains("spreadsheetml.sheet.main+xml"), contentTypes);
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            assertEquals(XSSFWorkbookType.XLSX, wb.getWorkbookType());
            assertEquals(GradientStep.take(Fixtures.workedExample()).E(),
                    Outputs.nameValue(wb, "E"),
                    0.0, "E in the output");
        }
    }

    @Test
    void refuses_a_legacy_xls_with_the_command_that_converts_it() throws IOException {
        Path folder = Fixtures.folder(getClass(), "xls");
        Path template = folder.resolve("old workbook.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out =
                Files.newOutputStream(template)) {
            wb.createSheet("Parameters").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
        }
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "legacy",
                "soffice --headless --convert-to xlsx '" + template + "'");
    }

    @Test
    void refuses_an_ods_with_the_command_that_converts_it() throws IOException {
        Path folder = Fixtures.folder(getClass(), "ods");
        Path template = opendocument(folder.resolve("params.ods"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "OpenDocument spreadsheet",
                "soffice --headless --convert-to xlsx " + template);
    }

    @Test
    void an_ods_named_xlsx_gets_a_command_that_does_not_write_over_it() throws IOException {
        // LibreOffice refuses to write its output over the file it converts, so the command
        // for a file already named .xlsx sends the result to another folder.
        Path folder = Fixtures.folder(getClass(), "ods-named-xlsx");
        Path template = opendocument(folder.resolve("params.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "OpenDocument spreadsheet",
                "soffice --headless --convert-to xlsx --outdir converted " + template);
    }

    @Test
    void refuses_a_zip_bomb_without_lifting_the_limit() {
        // given: a sheet padded with 50 MB of spaces, which packs a thousandfold
        Path folder = Fixtures.folder(getClass(), "zip-bomb");
        Path template = Fixtures.rewritePart(Fixtures.workedExample(folder.resolve("bomb.xlsx")),
                "xl/worksheets/sheet1.xml", xml -> xml.replace("<sheetData>",
                        " ".repeat(50_000_000) + "<sheetData>"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "bomb.xlsx", "xl/worksheets/sheet1.xml",
                "more than 100 times", "zip bomb");
    }

    @Test
    void refuses_a_part_that_claims_to_be_larger_than_the_limit() {
        Path folder = Fixtures.folder(getClass(), "oversized");
        Path template = Fixtures.claimHugePart(
                Fixtures.workedExample(folder.resolve("huge.xlsx")), "xl/worksheets/sheet1.xml");
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "huge.xlsx", "more than 100 MB", "zip bomb");
    }

    @Test
    void refuses_a_package_with_more_parts_than_the_limit() {
        Path folder = Fixtures.folder(getClass(), "many-parts");
        Path template = Fixtures.addParts(Fixtures.workedExample(folder.resolve("many.xlsx")),
                1200);
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "many.xlsx", "more parts than POI's limit");
    }

    private static Path macroWorkbook(Path file) throws Exception {
        Path plain = Fixtures.workedExample(file.resolveSibling("plain.xlsx"));
        try (XSSFWorkbook wb = Fixtures.open(plain)) {
            wb.setWorkbookType(XSSFWorkbookType.XLSM);
            PackagePart workbookPart = wb.getPackagePart();
            PackagePartName vba = PackagingURIHelper.createPartName("/xl/vbaProject.bin");
            PackagePart part = workbookPart.getPackage().createPart(vba,
                    "application/vnd.ms-office.vbaProject");
            try (OutputStream out = part.getOutputStream()) {
                out.write("Attribute VB_Name = \"Module1\"".getBytes(StandardCharsets.UTF_8));
            }
            workbookPart.addRelationship(vba, TargetMode.INTERNAL,
                    XSSFRelation.VBA_MACROS.getRelation());
            Fixtures.save(wb, file);
        }
        return file;
    }

    // The parts an .ods starts with: the mimetype first and stored, as the format requires.
    private static Path opendocument(Path file) throws IOException {
        byte[] type = "application/vnd.oasis.opendocument.spreadsheet"
                .getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<office:document-content xmlns:office="
                    + "\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
