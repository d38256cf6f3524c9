package gradbook.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Where a workbook is written, and the rules for writing it: the folder must exist and be
 * writable; an existing file is replaced only when gradbook marked it as its own (see
 * {@link Regeneration}), when it is the template regenerated in place, or when forced; and the
 * workbook goes to a temporary file in the same folder that is moved into place only when
 * complete, so a crash or a kill leaves the old file or the new one, never half of one.
 */
public final class OutputTarget {
    private static final Set<PosixFilePermission> NEW_FILE =
            PosixFilePermissions.fromString("rw-r--r--");

    private OutputTarget() {
    }

    /** An output that cannot or may not be written, with a one-line message. */
    public static final class OutputException extends IOException {
        public OutputException(String message) {
            super(message);
        }

        public OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks that {@code target} may be written before any work is done.
     *
     * @param inPlace true when the target is the template itself, regenerated in place
     * @param force true when an existing file that gradbook did not write may be replaced
     * @param password the password of an encrypted existing output, or null
     */
    public static void check(Path target, boolean inPlace, boolean force, String password)
            throws OutputException {
        checkFolder(target);
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !inPlace && !force && !isGradbooks(absolute, password)) {
            throw new OutputException(target + ": exists and was not written by gradbook; give"
                    + " --force to replace it, or choose another -o");
        }
    }

    /**
     * Checks that {@code target}'s folder exists and is writable and that {@code target} is
     * not a folder, for any file gradbook writes (a workbook, an answer key).
     */
    public static void checkFolder(Path target) throws OutputException {
        checkFolder(target, "-o");
    }

    /**
     * As {@link #checkFolder(Path)}, for a file named on the command line as {@code option}
     * says (-o, or OUT where the file is an argument), which the message tells to change.
     */
    public static void checkFolder(Path target, String option) throws OutputException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (!Files.exists(folder)) {
            throw new OutputException(target + ": the folder " + folder + " does not exist;"
                    + " create it or choose another " + option);
        }
        if (!Files.isDirectory(folder)) {
            throw new OutputException(target + ": " + folder + " is a file, not a folder;"
                    + " choose another " + option);
        }
        if (!Files.isWritable(folder)) {
            throw new OutputException(target + ": the folder " + folder + " is read-only;"
                    + " choose another " + option + " or make the folder writable");
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputException(target + ": is a folder; give " + option + " a file name");
        }
        // The file is replaced, by a move into place: a device or a pipe would be lost.
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new OutputException(target + ": is not a regular file (a device or a pipe);"
                    + " choose another " + option);
        }
    }

    /**
     * True when {@code a} and {@code b} are one file, by path or through a link: a write to
     * a link goes to the file it leads to (see {@link #writeTarget}).
     */
    public static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where a write to {@code out} goes: {@code out}, or, when it is a symbolic link to a file,
     * that file, so that the link stays and leads to what was written.
     */
    private static Path writeTarget(Path out) {
        Path absolute = out.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException e) {
                return absolute; // a link that leads nowhere is replaced, as a missing file
            }
        }
        return absolute;
    }

    // An encrypted output is gradbook's when the password opens it and the mark is inside.
    private static boolean isGradbooks(Path file, String password) {
        if (Regeneration.isMarked(file)) {
            return true;
        }
        if (password == null) {
            return false;
        }
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) != FileMagic.OLE2) {
                return false;
            }
            try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
                Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(fs));
                if (!decryptor.verifyPassword(password)) {
                    return false;
                }
                try (InputStream data = decryptor.getDataStream(fs)) {
                    return Regeneration.isMarked(data);
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes {@code workbook} to a temporary file beside {@code out}, encrypted with
     * {@code password} when it is not null, then moves it into place. {@code source} names the
     * file the workbook was read from, for the messages that blame it.
     */
    public static void save(XSSFWorkbook workbook, Path out, String password, String source)
            throws OutputException {
        save(workbook, workbook, out, password, source);
    }

    /**
     * As {@link #save(XSSFWorkbook, Path, String, String)}, for a workbook whose generated
     * sheets are streamed around the XSSF workbook that holds every other part.
     */
    public static void save(SXSSFWorkbook workbook, Path out, String password, String source)
            throws OutputException {
        save(workbook, workbook.getXSSFWorkbook(), out, password, source);
    }

    // {@code parts} is the workbook as XSSF holds it, whose package is checked once written.
    private static void save(Workbook workbook, XSSFWorkbook parts, Path out, String password,
            String source) throws OutputException {
        Path target = writeTarget(out);
        Path temp;
        try {
            temp = TemporaryFiles.OF_PROCESS.create(target.getParent(),
                    "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw cannotWrite(out, target.getParent(), e);
        }
        try (TemporaryFiles.PoiFiles poi = TemporaryFiles.OF_PROCESS.poiFiles()) {
            // Opened only if it is still there: had the shutdown hook deleted it, opening to
            // create would make it again, and leave it behind.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream stream = Channels.newOutputStream(channel)) {
                if (password == null) {
                    workbook.write(stream);
                } else {
                    writeEncrypted(workbook, stream, password);
                }
                channel.force(true);
            }
            OriginalSheets.restore(parts, temp);
            // The package just written, as it stands in memory: a relationship that leads
            // nowhere there leads nowhere in the file.
            String broken = PackageCheck.problem(parts.getPackage());
            if (broken != null) {
                throw new OutputException(out + ": not written, since the workbook would not"
                        + " open (" + broken + "); the template " + source + " is probably"
                        + " damaged: open it in your spreadsheet program and save it again");
            }
            permissions(temp, target);
            moveIntoPlace(temp, target);
        } catch (IOException | RuntimeException e) {
            // Asked before the partial file is deleted, which gives its space back.
            if (isFull(target.getParent())) {
                throw new OutputException(out + ": cannot be written, since the disk that holds "
                        + target.getParent() + " is full; free some space or choose another -o",
                        e);
            }
            if (e instanceof IOException io) {
                throw cannotWrite(out, target.getParent(), io);
            }
            // POI fails here on parts of a damaged template that it read without complaint.
            throw new OutputException(out + ": cannot be written, since POI cannot save what"
                    + " it read from the template " + source + " (" + e.getMessage() + "); open"
                    + " the template in your spreadsheet program and save it again", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    // A failed write on a disk with less than a megabyte left failed for want of space: POI and
    // Commons Compress report it as something else ("This archive contains unclosed entries.").
    private static boolean isFull(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace() < 1 << 20;
        } catch (IOException e) {
            return false;
        }
    }

    /** Text written piece by piece to a writer, e.g. an answer key entry by entry. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes {@code text} in UTF-8 to {@code out} (an answer key) as a workbook is written:
     * through a temporary file beside it, moved into place when complete, so that a failed
     * write leaves no half file. The text goes to the file as it is made, never held whole.
     */
    public static void writeText(Path out, Text text) throws IOException {
        Path target = writeTarget(out);
        Path temp = TemporaryFiles.OF_PROCESS.create(target.getParent(),
                "." + target.getFileName() + ".", ".tmp");
        try {
            // Opened without CREATE, so a stop that has deleted the file does not see it made
            // again (see TemporaryFiles).
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                text.writeTo(writer);
            }
            permissions(temp, target);
            moveIntoPlace(temp, target);
        } finally {
            TemporaryFiles.OF_PROCESS.delete(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        TemporaryFiles.OF_PROCESS.move(temp, () -> {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    private static void deleteQuietly(Path temp) {
        try {
            TemporaryFiles.OF_PROCESS.delete(temp);
        } catch (IOException e) {
            // The temporary file is hidden and harmless; the error that matters is above.
        }
    }

    private static void writeEncrypted(Workbook workbook, OutputStream stream,
            String password) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                workbook.write(data);
            }
            fs.writeFilesystem(stream);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    // Files.createTempFile makes the file readable by its owner only; the output should be as
    // readable as the file it replaces, or as an ordinary new file.
    private static void permissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target)
                ? Files.getPosixFilePermissions(target) : NEW_FILE);
    }

    private static OutputException cannotWrite(Path out, Path folder, IOException e) {
        String why = e instanceof AccessDeniedException
                ? "permission denied in " + folder + "; choose another -o or make the folder"
                        + " writable"
                : e instanceof FileSystemException f && f.getReason() != null
                        ? f.getReason() + "; choose another -o"
                        : e.getMessage() + "; choose another -o";
        return new OutputException(out + ": cannot be written (" + why + ")", e);
    }
}
