package gradbook.cli;

import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.workbook.Edits;
import gradbook.workbook.TemplateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test workbooks, written under target/test-workbooks/CLASS/CASE/ so a person can open them:
 * the worked example as gradbook's own template, and ways to spoil it.
 *
 * <p>The worked example's template has one sheet, Parameters: y in B4:C4, x in B6:C6, W_0 in
 * B8:C9, W_1 in B11:C12, b_1 in B14:C14, b_2 in B16:C16 and eta in B18.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** The document's 2-2-2 network (see the seed README). */
    static Network workedExample() {
        return new Network(Matrix.column(1, 1), Matrix.column(1, 1),
                List.of(Matrix.of(new double[][] {{1, -0.5}, {-0.5, 1}}),
                        Matrix.of(new double[][] {{-2, -2}, {1, -2}})),
                List.of(Matrix.column(-0.5, -1), Matrix.column(0, -0.5)), 0.1);
    }

    /** An empty folder for one test case. */
    static Path folder(Class<?> test, String testCase) {
        Path folder = Path.of("target", "test-workbooks", test.getSimpleName(), testCase);
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two layers of {@code width} units, x and y of 0.5, weights drawn under {@code seed}: of
     * 30 units, a network whose workbook takes about a second to write.
     */
    static Network wide(int width, long seed) {
        Random random = new Random(seed);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            double[][] w = new double[width][width];
            for (double[] row : w) {
                for (int j = 0; j < width; j++) {
                    row[j] = random.nextGaussian() * 0.1;
                }
            }
            W.add(Matrix.of(w));
            b.add(Matrix.filled(width, 1, 0.1));
        }
        return new Network(Matrix.filled(width, 1, 0.5), Matrix.filled(width, 1, 0.5), W, b,
                0.1);
    }

    /** Writes {@code network} as gradbook's own template to {@code file}. */
    static Path template(Network network, Path file) {
        try {
            TemplateWriter.write(network, "Test template", file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path workedExample(Path file) {
        return template(workedExample(), file);
    }

    /** Opens {@code file}, lets {@code edit} change the workbook, and saves it back. */
    static Path edit(Path file, Consumer<XSSFWorkbook> edit) {
        return Edits.edit(file, edit);
    }

    static XSSFWorkbook open(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void save(XSSFWorkbook wb, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one part of a package as text, e.g. to set what POI will not let us set. */
    static Path rewritePart(Path file, String part, UnaryOperator<String> edit) {
        return rewriteZip(file, (name, bytes) -> name.equals(part)
                ? edit.apply(new String(bytes, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)
                : bytes);
    }

    interface PartEdit {
        byte[] apply(String name, byte[] bytes);
    }

    static Path rewriteZip(Path file, PartEdit edit) {
        return repack(file, (out, name, bytes) -> {
            out.putNextEntry(new ZipEntry(name));
            out.write(edit.apply(name, bytes));
        }, out -> { });
    }

    /** The package with {@code count} small extra parts added. */
    static Path addParts(Path file, int count) {
        return repack(file, (out, name, bytes) -> {
            out.putNextEntry(new ZipEntry(name));
            out.write(bytes);
        }, out -> {
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                out.write("<a/>".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** The package with {@code part} stored uncompressed and said to unpack to 3 GB. */
    static Path claimHugePart(Path file, String part) {
        repack(file, (out, name, bytes) -> {
            ZipEntry copy = new ZipEntry(name);
            if (name.equals(part)) {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                copy.setCrc(crc.getValue());
            }
            out.putNextEntry(copy);
            out.write(bytes);
        }, out -> { });
        byte[] zip = bytes(file);
        patchSize(zip, part.getBytes(StandardCharsets.UTF_8), 0xC0000000);
        return write(file, zip);
    }

    interface EntryCopy {
        void copy(ZipOutputStream out, String name, byte[] bytes) throws IOException;
    }

    interface Tail {
        void write(ZipOutputStream out) throws IOException;
    }

    private static Path repack(Path file, EntryCopy each, Tail tail) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
                    ZipOutputStream out = new ZipOutputStream(buffer)) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    each.copy(out, e.getName(), in.readAllBytes());
                }
                tail.write(out);
            }
            return Files.write(file, buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The uncompressed size sits at offset 22 of a local header and 24 of a central one.
    private static void patchSize(byte[] zip, byte[] name, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            int signature = b.getInt(i);
            if (signature == 0x04034b50 && named(zip, i + 30, b.getShort(i + 26), name)) {
                b.putInt(i + 22, size);
            } else if (signature == 0x02014b50 && named(zip, i + 46, b.getShort(i + 28), name)) {
                b.putInt(i + 24, size);
            }
        }
    }

    private static boolean named(byte[] zip, int at, int length, byte[] name) {
        if (length != name.length || at + length > zip.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (zip[at + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XSSFWorkbook read(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worked example's template, encrypted with {@code password} as Excel does. */
    static Path encrypted(Path folder, String name, String password) {
        return encrypted(Fixtures.workedExample(folder.resolve("plain.xlsx")),
                folder.resolve(name), password);
    }

    /** {@code plainFile} encrypted with {@code password} as Excel does, written to file. */
    static Path encrypted(Path plainFile, Path file, String password) {
        byte[] plain = Fixtures.bytes(plainFile);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(plain);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
