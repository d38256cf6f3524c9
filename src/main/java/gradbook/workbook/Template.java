package gradbook.workbook;

import gradbook.core.Network;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A template as read: its workbook, kept in memory to be written out again with the generated
 * sheets, the network it defines, and where each input came from.
 */
public record Template(Path file, XSSFWorkbook workbook, Network network,
        Map<String, InputArea> inputs) {

    /** The file name alone, as messages and document properties give it. */
    public String fileName() {
        return file.getFileName().toString();
    }
}
