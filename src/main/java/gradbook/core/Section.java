package gradbook.core;

/** The section of the worked example a quantity belongs to, in the document's order. */
public enum Section {
    NETWORK("The Example Network"),
    FORWARD("Layer Computations"),
    ERROR("Error"),
    FACTORS("Derivatives"),
    PRODUCTS("Derivatives"),
    UPDATES("Weight Updates");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    /**
     * The document's heading for the section; the workbook puts a forward section's layer
     * before it ("First Layer Computations").
     */
    public String title() {
        return title;
    }
}
