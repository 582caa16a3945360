package budgetledger.command;

import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one command says, as a hash: its type and every field (amounts by value, so "1" and "1.00" are the same),
 * kept in the metadata of the command and of its events beside the actor. A command id sent again with the same
 * fingerprint by the same user is a retry and gets the first receipt; with another body or from another user it
 * is refused ({@code command-id-reused}) instead of quietly answered with the first one.
 */
public final class CommandFingerprint {

    /** The metadata key; Axon copies it from the command onto its events. */
    public static final String KEY = "commandFingerprint";
    /** The signed-in user (the app's ActorMetadata puts it there). */
    static final String ACTOR = "actor";

    /**
     * Each command type's components, read once: Class.getRecordComponents() builds them anew on every call (a few
     * percent of an adjustment's own CPU in a profile).
     */
    private static final ClassValue<java.lang.reflect.RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private CommandFingerprint() {
    }

    /** The fingerprint of a command record. */
    public static String of(Record command) {
        StringBuilder canonical = new StringBuilder(command.getClass().getName());
        for (var component : COMPONENTS.get(command.getClass())) {
            Object value;
            try {
                value = component.getAccessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + command.getClass(), e);
            }
            if (value instanceof BigDecimal amount) {
                value = amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
            }
            String text = String.valueOf(value);
            // Length-prefixed, so that no two different field lists run together into the same text.
            canonical.append('\u0001').append(component.getName()).append('=').append(text.length()).append(':')
                    .append(text);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The fingerprint and actor a message's metadata carries, as kept with a receipt; null when it has none. */
    static String kept(MetaData metaData) {
        Object fingerprint = metaData == null ? null : metaData.get(KEY);
        return fingerprint == null ? null : fingerprint + "/" + metaData.getOrDefault(ACTOR, "");
    }
}
