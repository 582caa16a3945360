package budgetledger.events.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shape of an event's JSON: every path to a value with the kind of value there ({@code tables[].rows[].amountsFen[]
 * number}). The event's Java type says which objects are maps, whose keys are data and not fields ({@code {}}); a
 * field the type does not know is walked as an object.
 */
final class Shape {

    private Shape() {
    }

    static TreeSet<String> of(JsonNode json, Class<?> type) {
        TreeSet<String> paths = new TreeSet<>();
        walk(json, type, "", paths);
        return paths;
    }

    private static void walk(JsonNode node, Type type, String path, TreeSet<String> paths) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (node.isArray()) {
            Type element = type instanceof ParameterizedType p && List.class.isAssignableFrom(raw)
                    ? p.getActualTypeArguments()[0] : Object.class;
            paths.add(path + "[]");
            for (JsonNode item : node) {
                if (!item.isNull()) {
                    walk(item, element, path + "[]", paths);
                }
            }
        } else if (node.isObject() && Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            paths.add(path + "{}");
            for (JsonNode item : node) {
                walk(item, value, path + "{}", paths);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                walk(field.getValue(), componentType(raw, field.getKey()), fieldPath, paths);
            }
        } else {
            paths.add(path + " " + node.getNodeType().name().toLowerCase());
        }
    }

    private static Type componentType(Class<?> record, String name) {
        if (record.isRecord()) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return component.getGenericType();
                }
            }
        }
        return Object.class;
    }
}
