package gradbook.core;

/**
 * How E gathers the losses ℓₛ of several samples, chosen by the template's name
 * {@code batch_gradient}: their sum (the default) or their mean. Each gradient is the gradient of
 * that E, so it is the sum or the mean of the samples' gradients. With one sample both are ℓ.
 */
public enum BatchGradient implements Word {
    SUM("sum"),
    MEAN("mean");

    private final String word;

    BatchGradient(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    public static BatchGradient byWord(String word) {
        return Word.find(values(), word);
    }

    /** The allowed words, as messages list them. */
    public static String words() {
        return Word.list(values());
    }

    /** E's factor before Σₛ ℓₛ for {@code samples} samples: 1, or 1/N for the mean. */
    public Scale scale(int samples) {
        return this == SUM ? Scale.ONE : Scale.of(1, samples);
    }
}
