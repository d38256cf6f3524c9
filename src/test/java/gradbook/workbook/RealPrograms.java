package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The spreadsheet programs the tests open our workbooks in, run headless: LibreOffice (soffice),
 * gnumeric (ssconvert) and poppler's pdftotext.
 *
 * <p>LibreOffice keeps the values stored in an .xlsx unless told to recalculate on load, so it
 * runs with a private profile under target/ that says so. It takes seconds to start, so each
 * call hands it a whole list of files. On a machine without a program its tests are skipped,
 * with a line on stderr saying which package to install; on CI (CI=true) they fail.
 */
final class RealPrograms {
    static final Path ROOT = Path.of("target", "real-programs").toAbsolutePath();
    private static final Path PROFILE = ROOT.resolve("libreoffice-profile");
    private static final Path STORED_VALUES_PROFILE = ROOT.resolve("libreoffice-profile-stored");
    private static final long TIMEOUT_SECONDS = 300;
    private static final String GNUMERIC = "http://www.gnumeric.org/v10.dtd";

    /** When to recalculate the formulas of an OOXML file on load: 0 always, 1 never. */
    private static final String RECALC_MODE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
            <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>%d</value></prop></item>
            </oor:items>
            """;

    private RealPrograms() {
    }

    /** Null when LibreOffice is installed, else why its tests are skipped (see below). */
    static String missingLibreOffice() {
        return missing("soffice", "libreoffice-calc-nogui");
    }

    /** Null when gnumeric's ssconvert is installed, else why its tests are skipped. */
    static String missingGnumeric() {
        return missing("ssconvert", "gnumeric");
    }

    /** Null when poppler's pdftotext is installed, else why its tests are skipped. */
    static String missingPdfToText() {
        return missing("pdftotext", "poppler-utils");
    }

    /** Skips the calling test, saying why, when {@code missing} is not null. */
    static void assumeInstalled(String missing) {
        Assumptions.assumeTrue(missing == null, missing);
    }

    // Says so on stderr, so that a skip is never silent; on CI (CI=true) a missing program fails.
    private static String missing(String command, String debianPackage) {
        if (onPath(command)) {
            return null;
        }
        String message = command + " is not installed, so the tests that open workbooks in it"
                + " are skipped; install it with: sudo apt-get install " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: .ci/run must install it)");
        }
        System.err.println("SKIPPED: " + message);
        return message;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens every file in LibreOffice, recalculating on load, and saves it to {@code outFolder} in
     * {@code format} ("xlsx" or "pdf"): one start of LibreOffice for all of them. Returns the
     * converted files in the order given.
     */
    static List<Path> libreOffice(List<Path> files, String format, Path outFolder)
            throws IOException, InterruptedException {
        return libreOffice(files, format, outFolder, true);
    }

    /**
     * As {@link #libreOffice(List, String, Path)}, or, with {@code recalculate} false, keeping
     * the values stored in each file, as LibreOffice does by default: the baseline of the
     * benchmark.
     */
    static List<Path> libreOffice(List<Path> files, String format, Path outFolder,
            boolean recalculate) throws IOException, InterruptedException {
        Path profile = recalculate ? PROFILE : STORED_VALUES_PROFILE;
        writeProfile(profile, recalculate ? 0 : 1);
        Files.createDirectories(outFolder);
        List<String> command = new ArrayList<>(List.of("soffice",
                "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--nolockcheck", "--convert-to", format, "--outdir", outFolder.toString()));
        List<Path> converted = new ArrayList<>();
        for (Path file : files) {
            command.add(file.toAbsolutePath().toString());
            converted.add(outFolder.resolve(baseName(file) + "." + format));
        }
        for (Path c : converted) {
            Files.deleteIfExists(c);
        }
        run(command, outFolder.resolve("soffice.log"));
        checkWritten(converted, outFolder.resolve("soffice.log"));
        return converted;
    }

    /** Opens {@code file} in gnumeric, recalculates every formula and saves it as .xlsx. */
    static Path gnumeric(Path file, Path outFolder) throws IOException, InterruptedException {
        return gnumeric(file, outFolder, true);
    }

    /** As {@link #gnumeric(Path, Path)}, or keeping the stored values (the baseline). */
    static Path gnumeric(Path file, Path outFolder, boolean recalculate)
            throws IOException, InterruptedException {
        Files.createDirectories(outFolder);
        Path out = outFolder.resolve(baseName(file) + ".xlsx");
        Files.deleteIfExists(out);
        Path log = outFolder.resolve(baseName(file) + ".ssconvert.log");
        List<String> command = new ArrayList<>(List.of("ssconvert"));
        if (recalculate) {
            command.add("--recalc");
        }
        command.addAll(List.of(file.toAbsolutePath().toString(), out.toString()));
        run(command, log);
        checkWritten(List.of(out), log);
        return out;
    }

    /**
     * The defined names gnumeric reads from {@code file}, as it saves them in its own format,
     * keyed and written as {@link RoundTripCheck#names} does.
     */
    static Map<String, String> gnumericNames(Path file, Path outFolder)
            throws IOException, InterruptedException {
        Files.createDirectories(outFolder);
        Path out = outFolder.resolve(baseName(file) + ".gnumeric");
        Files.deleteIfExists(out);
        Path log = outFolder.resolve(baseName(file) + ".ssconvert.log");
        run(List.of("ssconvert", file.toAbsolutePath().toString(), out.toString()), log);
        checkWritten(List.of(out), log);
        Document doc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read gnumeric's file " + out + ": " + e, e);
        }
        Map<String, String> names = new TreeMap<>();
        NodeList all = doc.getElementsByTagNameNS(GNUMERIC, "Name");
        for (int i = 0; i < all.getLength(); i++) {
            Element name = (Element) all.item(i);
            if (!((Element) name.getParentNode()).getLocalName().equals("Names")) {
                continue;
            }
            Element scope = (Element) name.getParentNode().getParentNode();
            String sheet = scope.getLocalName().equals("Sheet") ? child(scope, "Name") + "!" : "";
            String key = child(name, "name");
            if (!sheet.isEmpty() && (key.equals("Print_Area") || key.equals("Print_Titles"))) {
                key = "_xlnm." + key;
            }
            names.put(sheet + key, RoundTripCheck.cells(child(name, "value")));
        }
        return names;
    }

    private static String child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        throw new IllegalStateException("no " + localName + " under " + parent.getLocalName());
    }

    /** The text of a PDF, page breaks as form feeds, laid out as printed. */
    static String pdfText(Path pdf) throws IOException, InterruptedException {
        Path text = pdf.resolveSibling(baseName(pdf) + ".txt");
        run(List.of("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), text.toString()),
                pdf.resolveSibling(baseName(pdf) + ".pdftotext.log"));
        return Files.readString(text, StandardCharsets.UTF_8);
    }

    /** Each word of a PDF with its box, as pdftotext -bbox gives it (XHTML). */
    static String pdfWordBoxes(Path pdf) throws IOException, InterruptedException {
        Path boxes = pdf.resolveSibling(baseName(pdf) + ".bbox.html");
        run(List.of("pdftotext", "-bbox", "-enc", "UTF-8", pdf.toString(), boxes.toString()),
                pdf.resolveSibling(baseName(pdf) + ".pdftotext.log"));
        return Files.readString(boxes, StandardCharsets.UTF_8);
    }

    private static void writeProfile(Path profile, int recalcMode) throws IOException {
        Path settings = profile.resolve("user").resolve("registrymodifications.xcu");
        if (!Files.exists(settings)) {
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, RECALC_MODE.formatted(recalcMode),
                    StandardCharsets.UTF_8);
        }
    }

    private static void run(List<String> command, Path log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    private static void checkWritten(List<Path> outputs, Path log) throws IOException {
        for (Path out : outputs) {
            if (!Files.isRegularFile(out)) {
                fail("expected " + out + " to be written but it was not; the program said:\n"
                        + Files.readString(log));
            }
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
