package gradbook.workbook;

import java.nio.file.Path;

/**
 * Reads the template given and prints the heap its reading keeps, after garbage collection:
 * run in a child JVM with a small -Xmx by ThinTemplateTest.
 */
public final class TemplateHeap {
    private TemplateHeap() {
    }

    public static void main(String[] args) throws Exception {
        long before = used();
        Template template = TemplateReader.read(Path.of(args[0]));
        long after = used();
        System.out.printf("read %d layers; retained %.1f MB%n", template.network().layers(),
                (after - before) / 1e6);
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
