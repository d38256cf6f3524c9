package gradbook.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The parts of an .xlsx package, read and written as the zip file it is, past POI. */
final class PackageParts {
    private PackageParts() {
    }

    /** Each part's name in the zip (e.g. xl/workbook.xml) and its bytes, in zip order. */
    static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip =
                new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    parts.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return parts;
    }

    static void write(Map<String, byte[]> parts, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip =
                new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
    }
}
