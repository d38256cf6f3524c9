package gradbook.bench;

import gradbook.core.Matrix;
import gradbook.core.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A cheap look at a workbook too big to open whole, so that no benchmark figure comes from a
 * broken run: the loss E and every W_k_new and b_k_new must be defined names with the shape of
 * the quantity, and E, the first and last entries and a few drawn ones of each must hold the
 * values of a trace computed in this process. It reads the package as a stream (the workbook's
 * names, then the cells wanted, nothing kept of the others), so it needs little memory whatever
 * the size of the output.
 */
final class OutputCheck {
    private static final int DRAWN = 8;
    private static final double TOLERANCE = 1e-9;

    private OutputCheck() {
    }

    /** Null if {@code workbook} holds {@code expected}'s values; else what is wrong, one line. */
    static String problem(Path workbook, Trace expected) {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Map<String, String> names;
            try (InputStream in = reader.getWorkbookData()) {
                names = definedNames(in);
            }
            Map<String, Map<String, Want>> wanted = new HashMap<>();
            for (String name : checkedNames(expected)) {
                String shapeProblem = want(name, names.get(name), expected.value(name), wanted);
                if (shapeProblem != null) {
                    return shapeProblem;
                }
            }
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    Map<String, Want> cells = wanted.remove(sheets.getSheetName());
                    if (cells != null) {
                        read(in, cells);
                    }
                }
            }
            if (!wanted.isEmpty()) {
                return "no sheet named " + wanted.keySet();
            }
            return null;
        } catch (Mismatch e) {
            return e.getMessage();
        } catch (IOException | OpenXML4JException | XMLStreamException | SAXException
                | ParserConfigurationException | RuntimeException e) {
            return "cannot be read: " + e;
        }
    }

    private static List<String> checkedNames(Trace trace) {
        List<String> names = new ArrayList<>(List.of("E"));
        for (int k = 0; trace.has("W_" + k + "_new"); k++) {
            names.add("W_" + k + "_new");
            names.add("b_" + (k + 1) + "_new");
        }
        return names;
    }

    private record Want(String name, double value) {
    }

    // The cells of one quantity to compare, by sheet and cell reference. A vector may be laid
    // out as a row or a column; a matrix must have the quantity's shape.
    private static String want(String name, String reference, Matrix value,
            Map<String, Map<String, Want>> wanted) {
        if (reference == null) {
            return "no defined name " + name;
        }
        AreaReference area = new AreaReference(reference, SpreadsheetVersion.EXCEL2007);
        CellReference first = area.getFirstCell();
        CellReference last = area.getLastCell();
        int rows = last.getRow() - first.getRow() + 1;
        int cols = last.getCol() - first.getCol() + 1;
        boolean vector = value.rows() == 1 || value.cols() == 1;
        boolean fits = rows == value.rows() && cols == value.cols()
                || vector && (rows == 1 || cols == 1)
                && rows * cols == value.rows() * value.cols();
        if (!fits) {
            return name + " is " + rows + " × " + cols + " (" + reference + "), not "
                    + value.shape();
        }
        int size = value.rows() * value.cols();
        List<Integer> entries = new ArrayList<>(List.of(0, size - 1));
        Random random = new Random(name.hashCode());
        for (int i = 0; i < DRAWN && entries.size() < size; i++) {
            entries.add(random.nextInt(size));
        }
        Map<String, Want> cells = wanted.computeIfAbsent(first.getSheetName(),
                s -> new LinkedHashMap<>());
        for (int e : entries) {
            int i = e / value.cols();
            int j = e % value.cols();
            int row = first.getRow() + (rows == value.rows() ? i : e / cols);
            int col = first.getCol() + (rows == value.rows() ? j : e % cols);
            cells.put(new CellReference(row, col).formatAsString(false),
                    new Want(size == 1 ? name : name + "[" + (i + 1) + "," + (j + 1) + "]",
                            value.get(i, j)));
        }
        return null;
    }

    // definedName elements of workbook.xml, sheet-local ones (print areas) left out.
    private static Map<String, String> definedNames(InputStream in) throws XMLStreamException {
        Map<String, String> names = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("definedName")
                    && xml.getAttributeValue(null, "localSheetId") == null) {
                String name = xml.getAttributeValue(null, "name");
                names.put(name, xml.getElementText());
            }
        }
        xml.close();
        return names;
    }

    private static final class Mismatch extends SAXException {
        Mismatch(String message) {
            super(message);
        }
    }

    // The stored value of each wanted cell of one sheet: its v element, a formula's cached
    // value included.
    private static void read(InputStream sheet, Map<String, Want> cells)
            throws IOException, SAXException, ParserConfigurationException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newSAXParser().parse(sheet, new DefaultHandler() {
            private Want current;
            private final StringBuilder text = new StringBuilder();
            private boolean inValue;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if (local.equals("c")) {
                    current = cells.remove(a.getValue("r"));
                } else if (local.equals("v") && current != null) {
                    inValue = true;
                    text.setLength(0);
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inValue) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) throws Mismatch {
                if (local.equals("v") && inValue) {
                    inValue = false;
                    compare(current, text.toString());
                    current = null;
                } else if (local.equals("c") && current != null) {
                    throw new Mismatch(current.name() + " has no value");
                }
            }
        });
        if (!cells.isEmpty()) {
            Map.Entry<String, Want> missing = cells.entrySet().iterator().next();
            throw new Mismatch(missing.getValue().name() + ": no cell " + missing.getKey());
        }
    }

    private static void compare(Want want, String stored) throws Mismatch {
        double got;
        try {
            got = Double.parseDouble(stored);
        } catch (NumberFormatException e) {
            throw new Mismatch(want.name() + " holds \"" + stored + "\", not a number");
        }
        if (!(Math.abs(got - want.value()) <= TOLERANCE * (1 + Math.abs(want.value())))) {
            throw new Mismatch(String.format(Locale.ROOT, "%s is %s, not %s", want.name(),
                    stored, want.value()));
        }
    }
}
