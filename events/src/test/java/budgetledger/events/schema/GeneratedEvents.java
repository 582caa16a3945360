package budgetledger.events.schema;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An instance of an event with every field filled: each list and map holds one element, every value is non-null,
 * so that its JSON shows every field the event has.
 */
final class GeneratedEvents {

    private GeneratedEvents() {
    }

    static Object instance(Class<?> type) {
        return value(type, type.getSimpleName());
    }

    private static Object value(Type type, String name) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(value(args[0], name));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of(value(args[0], name + "Key"), value(args[1], name));
            }
            throw new IllegalArgumentException("no value for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return switch (name) {
                case "unit" -> "万元";
                default -> name;
            };
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == long.class || c == Long.class) {
            return 100L;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == BigDecimal.class) {
            return new BigDecimal("1.00");
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = value(components[i].getGenericType(), components[i].getName());
            }
            try {
                Constructor<?> canonical = c.getDeclaredConstructor(types);
                return canonical.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + c.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException("no value for " + type + " (" + name + "): teach GeneratedEvents");
    }
}
