package gradbook.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.schemas.ooxml.system.ooxml.TypeSystemHolder;
import org.apache.xmlbeans.SchemaType;
import org.apache.xmlbeans.SchemaTypeSystem;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks every part of an .xlsx package against the ECMA-376 schemas that POI's full schema jar
 * (poi-ooxml-full) compiles, since Excel itself, the program that offers to "repair" a file,
 * cannot run here.
 *
 * <p>Each part is read as the document type of its root element. Two parts have no schema in
 * that jar, from ECMA-376 Part 2 (packaging): [Content_Types].xml and docProps/core.xml; they
 * are checked against the rules of Part 2 written out below. A VML drawing (comment boxes) has
 * a root element of no schema, so each shape in it is checked as its own element.
 */
final class SchemaValidation {
    private static final SchemaTypeSystem SCHEMAS = TypeSystemHolder.typeSystem;
    private static final String CONTENT_TYPES =
            "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String CORE =
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static final Set<String> CORE_NAMESPACES = Set.of(CORE,
            "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/");
    private static final Set<String> CORE_ELEMENTS = Set.of("category", "contentStatus",
            "created", "creator", "description", "identifier", "keywords", "language",
            "lastModifiedBy", "lastPrinted", "modified", "revision", "subject", "title",
            "version");

    private SchemaValidation() {
    }

    /** What was checked, and every problem found, each naming its part. */
    record Report(List<String> checked, List<String> problems) {
    }

    static Report check(Path xlsx) throws IOException {
        Map<String, byte[]> parts = PackageParts.read(xlsx);
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String name = part.getKey();
            try {
                Element root = parse(part.getValue()).getDocumentElement();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes(root, parts.keySet(), problems);
                } else if (name.equals("docProps/core.xml")) {
                    coreProperties(root, problems);
                } else if (name.endsWith(".vml")) {
                    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element shape) {
                            validate(name + " (" + shape.getTagName() + ")", shape, problems);
                        }
                    }
                } else {
                    validate(name, root, problems);
                }
                checked.add(name);
            } catch (SAXException | XmlException e) {
                problems.add(name + ": not well-formed XML: " + e.getMessage());
            }
        }
        return new Report(checked, problems);
    }

    private static void validate(String part, Element element, List<String> problems)
            throws XmlException {
        QName root = new QName(element.getNamespaceURI(), element.getLocalName());
        SchemaType type = SCHEMAS.findDocumentType(root);
        if (type == null) {
            problems.add(part + ": no ECMA-376 schema has the root element " + root);
            return;
        }
        List<XmlError> errors = new ArrayList<>();
        XmlOptions options = new XmlOptions().setErrorListener(errors).setLoadLineNumbers();
        XmlObject document = SCHEMAS.parse(element, type, options);
        if (!document.validate(options)) {
            for (XmlError e : errors) {
                problems.add(part + ": " + e.getMessage() + " (line " + e.getLine() + ")");
            }
        }
    }

    // Part 2, §10.1.2: a Default per extension and an Override per part name, each with a
    // content type, and a content type for every part of the package.
    private static void contentTypes(Element root, Set<String> parts, List<String> problems) {
        if (!CONTENT_TYPES.equals(root.getNamespaceURI()) || !"Types".equals(root.getLocalName())) {
            problems.add("[Content_Types].xml: the root is not Types of " + CONTENT_TYPES);
            return;
        }
        Set<String> extensions = new HashSet<>();
        Set<String> overrides = new HashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String type = e.getAttribute("ContentType");
            if (type.isEmpty() || !type.matches("[^/\\s]+/[^/\\s]+")) {
                problems.add("[Content_Types].xml: " + e.getLocalName() + " has the content"
                        + " type \"" + type + "\"");
            }
            switch (e.getLocalName()) {
                case "Default" -> {
                    if (!extensions.add(e.getAttribute("Extension").toLowerCase())) {
                        problems.add("[Content_Types].xml: two Defaults for the extension "
                                + e.getAttribute("Extension"));
                    }
                }
                case "Override" -> {
                    String part = e.getAttribute("PartName");
                    if (!part.startsWith("/") || !overrides.add(part.toLowerCase())) {
                        problems.add("[Content_Types].xml: the Override " + part
                                + " is not an absolute part name, or is given twice");
                    }
                }
                default -> problems.add("[Content_Types].xml: the element " + e.getLocalName()
                        + " is neither Default nor Override");
            }
        }
        for (String part : parts) {
            String extension = part.substring(part.lastIndexOf('.') + 1).toLowerCase();
            if (!part.equals("[Content_Types].xml") && !overrides.contains("/" + part.toLowerCase())
                    && !extensions.contains(extension)) {
                problems.add("[Content_Types].xml: no content type for the part " + part);
            }
        }
    }

    // Part 2, §11: the core properties are each at most once, from Dublin Core and the core
    // properties namespace, with dates in the W3CDTF type.
    private static void coreProperties(Element root, List<String> problems) {
        if (!CORE.equals(root.getNamespaceURI()) || !"coreProperties".equals(root.getLocalName())) {
            problems.add("docProps/core.xml: the root is not coreProperties of " + CORE);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = e.getLocalName();
            if (!CORE_NAMESPACES.contains(e.getNamespaceURI()) || !CORE_ELEMENTS.contains(name)) {
                problems.add("docProps/core.xml: the element " + e.getTagName()
                        + " is no core property");
            }
            if (!seen.add(name)) {
                problems.add("docProps/core.xml: " + name + " is given twice");
            }
            boolean date = name.equals("created") || name.equals("modified");
            if (date && !e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")
                    .endsWith(":W3CDTF")) {
                problems.add("docProps/core.xml: " + name + " is not typed dcterms:W3CDTF");
            }
        }
    }

    private static Document parse(byte[] xml) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
