package budgetledger.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumerated value that users see under a Chinese label (行政, 项目支出 …). */
public interface Labelled {

    String label();

    /** Finds the constant whose label or constant name is {@code text}; empty when none matches. */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        // A loop, not a stream: an import parses several labels per line.
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(wanted) || e.name().equalsIgnoreCase(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The labels of every constant, for error messages: "行政, 参公, 事业". */
    static <E extends Enum<E> & Labelled> String labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining(", "));
    }
}
