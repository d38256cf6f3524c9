package gradbook.workbook;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * The temporary files gradbook has made and not yet moved into place or deleted, deleted in
 * turn when Java is stopped part way through a write.
 *
 * <p>Ctrl-C (SIGINT) and kill or timeout (SIGTERM) make Java run its shutdown hooks and exit,
 * 130 or 143, without running the finally blocks that delete these files; a batch stopped so
 * left each job's output file beside its target and each streamed sheet's file in POI's folder.
 * {@link #OF_PROCESS} holds the files of this process, and its hook deletes those still held.
 * Each file is held from its creation until it is moved or deleted, so the list stays as short
 * as the writes in progress however long a batch runs, where {@link File#deleteOnExit()} would
 * keep every name until the end.
 *
 * <p>Creating, moving and the hook's deleting take one lock: a file moved into place is no
 * longer held, so the hook cannot delete a finished output, and once the hook has begun no
 * file is made or moved, so none is left after it and no output appears that was not complete
 * before it. Java goes on running the other threads while the hooks run, so a file is opened
 * for writing only if it is still there (never with CREATE), lest a write that began before
 * the hook make a deleted file again. A SIGKILL runs no hook; what it leaves is a hidden file
 * beside the target, and POI's.
 *
 * <p>Known limit: one file POI opens itself, an encrypted output's package, is opened with
 * CREATE a moment after it is made; a hook that falls in that moment can leave it, empty.
 */
final class TemporaryFiles {
    /** This process's temporary files, deleted when Java shuts down. */
    static final TemporaryFiles OF_PROCESS = withShutdownHook();

    /** The files made on each thread through {@link #poiFiles()}, while it lasts. */
    private final ThreadLocal<PoiFiles> poiScope = new ThreadLocal<>();
    /** Guarded by {@code this}, as is {@link #stopping}. */
    private final Set<Path> held = new HashSet<>();
    private boolean stopping;

    private static TemporaryFiles withShutdownHook() {
        TemporaryFiles files = new TemporaryFiles();
        try {
            Runtime.getRuntime().addShutdownHook(
                    new Thread(files::deleteAll, "gradbook-temporary-files"));
        } catch (IllegalStateException e) {
            // Java began to shut down before gradbook made its first file: it makes none.
            files.deleteAll();
        }
        return files;
    }

    /** A new file in {@code folder}, as {@link Files#createTempFile}, held until let go. */
    Path create(Path folder, String prefix, String suffix) throws IOException {
        synchronized (this) {
            refuseWhenStopping();
            Path file = Files.createTempFile(folder, prefix, suffix);
            held.add(file);
            return file;
        }
    }

    /** Something that moves a held file away, e.g. into place. */
    interface Move {
        void run() throws IOException;
    }

    /** Runs {@code move}, which moves {@code file} away, and lets go of {@code file}. */
    void move(Path file, Move move) throws IOException {
        synchronized (this) {
            refuseWhenStopping();
            move.run();
            held.remove(file);
        }
    }

    /**
     * Deletes {@code file}, if it is still there, and lets go of it; a file that cannot be
     * deleted is held, for the hook to try again.
     */
    void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        synchronized (this) {
            held.remove(file);
        }
    }

    /** How many files are held: those of the writes in progress. */
    synchronized int size() {
        return held.size();
    }

    /**
     * Deletes every file still held, and refuses any file made or moved after: what the
     * shutdown hook does.
     */
    void deleteAll() {
        synchronized (this) {
            stopping = true;
            for (Path file : held) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // Java is stopping: nothing more can be done about this one.
                }
            }
            held.clear();
        }
    }

    /** Thrown for a file made or moved while Java is shutting down. */
    static final class Stopping extends IOException {
        Stopping() {
            super("gradbook is stopping");
        }
    }

    private void refuseWhenStopping() throws Stopping {
        if (stopping) {
            throw new Stopping();
        }
    }

    /**
     * Holds every temporary file POI makes on this thread until the returned scope is closed
     * (a streamed sheet's rows, the streaming writer's copy of the other parts, an encrypted
     * output's package), and then deletes any POI has not. Within a scope already open on this
     * thread, a scope that does nothing.
     */
    PoiFiles poiFiles() {
        if (poiScope.get() != null) {
            return new PoiFiles(false);
        }
        PoiFiles scope = new PoiFiles(true);
        poiScope.set(scope);
        TempFile.setThreadLocalTempFileCreationStrategy(scope);
        return scope;
    }

    /**
     * POI's files on one thread: made as POI's own strategy for the process makes them (in
     * java.io.tmpdir/poifiles unless someone chose another), and held while they last.
     */
    final class PoiFiles implements TempFileCreationStrategy, AutoCloseable {
        /** False for a scope within another, which leaves the files to it. */
        private final boolean outermost;
        private final List<Path> made = new ArrayList<>();

        private PoiFiles(boolean outermost) {
            this.outermost = outermost;
        }

        @Override
        public File createTempFile(String prefix, String suffix) throws IOException {
            synchronized (TemporaryFiles.this) {
                refuseWhenStopping();
                File file = processWide(() -> TempFile.createTempFile(prefix, suffix));
                held.add(file.toPath());
                made.add(file.toPath());
                return file;
            }
        }

        // POI makes no temporary folder for gradbook; one would not be deleted.
        @Override
        public File createTempDirectory(String prefix) throws IOException {
            return processWide(() -> TempFile.createTempDirectory(prefix));
        }

        // POI has no way to ask for the strategy this one stands in front of, only for the
        // process's when this thread has none.
        private File processWide(PoiCall call) throws IOException {
            TempFile.setThreadLocalTempFileCreationStrategy(null);
            try {
                return call.make();
            } finally {
                TempFile.setThreadLocalTempFileCreationStrategy(this);
            }
        }

        /** Deletes what POI left of its files; one that cannot be is left to the hook. */
        @Override
        public void close() {
            if (!outermost) {
                return;
            }
            TempFile.setThreadLocalTempFileCreationStrategy(null);
            poiScope.remove();
            for (Path file : made) {
                try {
                    delete(file);
                } catch (IOException e) {
                    // Still held: the hook deletes it when Java exits.
                }
            }
        }
    }

    private interface PoiCall {
        File make() throws IOException;
    }
}
