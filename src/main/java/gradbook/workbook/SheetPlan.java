package gradbook.workbook;

import gradbook.core.Quantity;
import gradbook.core.Section;
import gradbook.core.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated sheets in the document's order, each with its name, its heading (the
 * document's section title) and the quantities it shows.
 */
record SheetPlan(String name, String title, List<Quantity> quantities) {
    static final String NETWORK = "Network";
    static final String ACTIVATION = "Activation";
    static final String ERROR = "Error";
    static final String DERIVATIVES = "Derivatives";
    static final String UPDATES = "Weight Updates";

    private static final String[] ORDINALS = {"First", "Second", "Third", "Fourth", "Fifth",
        "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"};

    /** The sheets for a trace, the activation table's sheet among them with no quantities. */
    static List<SheetPlan> of(Trace trace) {
        Map<String, SheetPlan> sheets = new LinkedHashMap<>();
        sheets.put(NETWORK, new SheetPlan(NETWORK, Section.NETWORK.title(), new ArrayList<>()));
        sheets.put(ACTIVATION, new SheetPlan(ACTIVATION, "Hidden and Output Unit Activations",
                List.of()));
        for (Quantity q : trace.quantities()) {
            String name = sheetName(q);
            sheets.computeIfAbsent(name, n -> new SheetPlan(n, title(q), new ArrayList<>()))
                    .quantities().add(q);
        }
        return List.copyOf(sheets.values());
    }

    /** Every sheet name gradbook generates for a network of {@code L} layers. */
    static List<String> names(int L) {
        List<String> names = new ArrayList<>(List.of(NETWORK, ACTIVATION));
        for (int k = 0; k < L; k++) {
            names.add(layerName(k));
        }
        names.addAll(List.of(ERROR, DERIVATIVES, UPDATES, GradientCheckSheet.NAME));
        return names;
    }

    private static String sheetName(Quantity q) {
        return switch (q.section()) {
            case NETWORK -> NETWORK;
            case FORWARD -> layerName(q.layer());
            case ERROR -> ERROR;
            case FACTORS, PRODUCTS -> DERIVATIVES;
            case UPDATES -> UPDATES;
        };
    }

    private static String title(Quantity q) {
        return q.section() == Section.FORWARD
                ? layerName(q.layer()) + " Computations"
                : q.section().title();
    }

    // The document says "First Layer" for layer 0, "Second Layer" for layer 1; past the tenth,
    // "11th Layer".
    private static String layerName(int k) {
        if (k < ORDINALS.length) {
            return ORDINALS[k] + " Layer";
        }
        int n = k + 1;
        String suffix = n % 100 / 10 == 1 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix + " Layer";
    }

    int widestQuantity(TemplateLayout layout) {
        return quantities.stream().mapToInt(q -> layout.transposed(q) ? q.value().rows()
                : q.value().cols()).max().orElse(1);
    }
}
