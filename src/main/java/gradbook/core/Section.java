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

    /** The document's heading for the section; a forward section adds its layer's ordinal. */
    public String title() {
        return title;
    }
}
