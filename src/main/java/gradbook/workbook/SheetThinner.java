package gradbook.workbook;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartDocument;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;

/**
 * Streams one worksheet part into a thinned copy: a cell that holds nothing (only a style) is
 * left out, as a formula reads a missing cell as it reads a blank one; and, when asked, a plain
 * number (no formula, type n) is taken out into {@link TemplateCells.Numbers}.
 *
 * <p>Only a sheet written the usual way is thinned: UTF-8, SpreadsheetML's transitional
 * namespace as the default one, every row and cell with its reference, in reading order.
 * Anything else gives null, and the sheet is read whole, as before.
 */
final class SheetThinner {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final QName R = new QName("r");
    private static final QName S = new QName("s");
    private static final QName T = new QName("t");
    /** The attributes a thinned cell may carry: any other (cm, vm, ph) keeps it in POI. */
    private static final Set<String> PLAIN = Set.of("r", "s", "t");

    private SheetThinner() {
    }

    /**
     * A thinned worksheet: its XML, the numbers taken out, and whether any cell holds a
     * formula.
     */
    record Thinned(byte[] xml, TemplateCells.Numbers numbers, boolean formulas) {
    }

    /** {@code in}'s worksheet thinned, or null when it is not one written the usual way. */
    static Thinned thin(InputStream in, boolean takeNumbers) throws XMLStreamException {
        XMLEventReader reader = XMLHelper.newXMLInputFactory().createXMLEventReader(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLEventWriter writer = XMLOutputFactory.newInstance().createXMLEventWriter(out,
                StandardCharsets.UTF_8.name());
        TemplateCells.Numbers numbers = new TemplateCells.Numbers();
        boolean formulas = false;
        int row = -1;
        int lastCol = -1;
        boolean root = true;
        while (reader.hasNext()) {
            XMLEvent e = reader.nextEvent();
            if (e.isStartDocument() && !isUtf8((StartDocument) e) || e.getEventType()
                    == XMLEvent.DTD) {
                return null;
            }
            if (e.isStartElement() && (!usual(e.asStartElement())
                    || root && !isMain(e, "worksheet"))) {
                return null;
            }
            root &= !e.isStartElement();
            if (isMain(e, "row")) {
                Integer r = number(e.asStartElement().getAttributeByName(R));
                if (r == null || r - 1 <= row) {
                    return null;
                }
                row = r - 1;
                lastCol = -1;
            } else if (isMain(e, "c")) {
                List<XMLEvent> cell = cellEvents(e, reader);
                CellReference at = reference(e.asStartElement());
                if (row < 0 || at == null || at.getRow() != row || at.getCol() <= lastCol) {
                    return null;
                }
                lastCol = at.getCol();
                Kind kind = kind(cell);
                formulas |= kind == Kind.FORMULA;
                if (kind == Kind.BLANK) {
                    continue;
                }
                if (kind == Kind.NUMBER && takeNumbers) {
                    numbers.add(row, lastCol, value(cell), style(e.asStartElement()));
                    continue;
                }
                for (XMLEvent c : cell) {
                    writer.add(c);
                }
                continue;
            }
            writer.add(e);
        }
        writer.close();
        return new Thinned(out.toByteArray(), numbers, formulas);
    }

    /**
     * True when {@code in}'s worksheet has an element named f in any namespace: a cell's
     * formula in the transitional or the strict namespace (which POI reads too), or an
     * extension's. Erring towards a formula only keeps numbers in POI.
     */
    static boolean hasFormula(InputStream in) throws XMLStreamException {
        XMLEventReader reader = XMLHelper.newXMLInputFactory().createXMLEventReader(in);
        while (reader.hasNext()) {
            XMLEvent e = reader.nextEvent();
            if (e.isStartElement() && e.asStartElement().getName().getLocalPart().equals("f")) {
                return true;
            }
        }
        return false;
    }

    private enum Kind { BLANK, NUMBER, FORMULA, OTHER }

    // What POI would make of the cell: BLANK is POI's blank (type n, no value), NUMBER a plain
    // number that parses to a finite double, as XSSFCell.getNumericCellValue parses it.
    private static Kind kind(List<XMLEvent> cell) {
        StartElement c = cell.get(0).asStartElement();
        List<String> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (XMLEvent e : cell.subList(1, cell.size())) {
            if (e.isStartElement()) {
                children.add(isMain(e, "f") ? "f" : isMain(e, "v") ? "v" : "other");
            } else if (e.isCharacters()) {
                text.append(e.asCharacters().getData());
            }
        }
        if (children.contains("f")) {
            return Kind.FORMULA;
        }
        Attribute t = c.getAttributeByName(T);
        boolean numeric = t == null || t.getValue().equals("n");
        boolean plain = true;
        for (Iterator<Attribute> it = c.getAttributes(); it.hasNext(); ) {
            QName name = it.next().getName();
            plain &= name.getNamespaceURI().isEmpty() && PLAIN.contains(name.getLocalPart());
        }
        if (!numeric || !plain) {
            return Kind.OTHER;
        }
        if (children.isEmpty()) {
            return text.toString().isBlank() ? Kind.BLANK : Kind.OTHER;
        }
        if (children.equals(List.of("v")) && isFinite(text.toString())) {
            return Kind.NUMBER;
        }
        return Kind.OTHER;
    }

    // The events of one <c> element, start to end; a cell holds no cell.
    private static List<XMLEvent> cellEvents(XMLEvent start, XMLEventReader reader)
            throws XMLStreamException {
        List<XMLEvent> cell = new ArrayList<>();
        cell.add(start);
        XMLEvent e;
        do {
            e = reader.nextEvent();
            cell.add(e);
        } while (!(e.isEndElement() && e.asEndElement().getName().getLocalPart().equals("c")
                && e.asEndElement().getName().getNamespaceURI().equals(MAIN)));
        return cell;
    }

    private static double value(List<XMLEvent> cell) {
        StringBuilder text = new StringBuilder();
        for (XMLEvent e : cell) {
            if (e.isCharacters()) {
                text.append(e.asCharacters().getData());
            }
        }
        return Double.parseDouble(text.toString());
    }

    private static boolean isFinite(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int style(StartElement c) {
        Attribute s = c.getAttributeByName(S);
        Integer index = number(s);
        return index == null ? 0 : index;
    }

    private static CellReference reference(StartElement c) {
        Attribute r = c.getAttributeByName(R);
        if (r == null || !r.getValue().matches("[A-Z]{1,3}[1-9][0-9]{0,6}")) {
            return null;
        }
        return new CellReference(r.getValue());
    }

    private static Integer number(Attribute a) {
        if (a == null || !a.getValue().matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(a.getValue());
    }

    // SpreadsheetML's own elements unprefixed, so that OriginalSheets finds <sheetView in the
    // original bytes; the strict namespace, which POI translates on reading, is left to POI.
    private static boolean usual(StartElement e) {
        QName name = e.getName();
        return !name.getNamespaceURI().equals(MAIN) || name.getPrefix().isEmpty();
    }

    private static boolean isUtf8(StartDocument d) {
        return !d.encodingSet() || d.getCharacterEncodingScheme().equalsIgnoreCase("UTF-8");
    }

    private static boolean isMain(XMLEvent e, String local) {
        return e.isStartElement() && e.asStartElement().getName().getLocalPart().equals(local)
                && e.asStartElement().getName().getNamespaceURI().equals(MAIN);
    }
}
