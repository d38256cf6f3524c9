package gradbook.workbook;

import gradbook.audit.Tolerance;
import gradbook.core.Convention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * Everything a written workbook is made from, as its custom document properties record it:
 * the gradbook version, the template's file name and the SHA-256 digest of its bytes, and the
 * convention, tolerance and {@code --formulas} mode of the run. A workbook whose record equals what a run would write
 * is up to date: the same inputs give the same bytes (the clock of {@code --timestamp} aside).
 *
 * @param tolerance the relative tolerance as {@link Double#toString} spells it, or "" when the
 *     workbook has no audit
 */
public record Provenance(String generator, String template, String templateSha256,
        String convention, String tolerance, String formulas) {
    static final String GENERATOR = "Generator";
    static final String TEMPLATE = "Template";
    static final String TEMPLATE_SHA_256 = "Template SHA-256";
    static final String CONVENTION = "Convention";
    static final String TOLERANCE = "Tolerance";
    static final String FORMULAS = "Formulas";

    /** What a run of this gradbook on {@code template} with these options records. */
    public static Provenance of(Path template, Convention convention, Tolerance tolerance,
            FormulaMode formulas) throws IOException {
        return new Provenance("gradbook " + Version.get(), template.getFileName().toString(),
                sha256(template), convention.word(),
                tolerance == null ? "" : Double.toString(tolerance.relative()), formulas.word());
    }

    /**
     * What the workbook at {@code file} records, or null when it records nothing (a missing
     * file, a workbook gradbook did not write, an encrypted one, anything that is not an .xlsx).
     */
    public static Provenance read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            POIXMLProperties.CustomProperties custom = new POIXMLProperties(pkg)
                    .getCustomProperties();
            if (!custom.contains(Regeneration.GENERATED)) {
                return null;
            }
            return new Provenance(text(custom, GENERATOR), text(custom, TEMPLATE),
                    text(custom, TEMPLATE_SHA_256), text(custom, CONVENTION),
                    text(custom, TOLERANCE), text(custom, FORMULAS));
        } catch (Exception e) {
            return null; // whatever cannot be read is not up to date, and is made again
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    /** The SHA-256 digest of the file's bytes, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** The SHA-256 digest of {@code bytes}, in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String text(POIXMLProperties.CustomProperties custom, String name) {
        CTProperty p = custom.getProperty(name);
        return p == null || !p.isSetLpwstr() ? "" : p.getLpwstr();
    }
}
