package budgetledger.events.schema;

import budgetledger.events.PublishedTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * {@code DisclosureRecorded} revision 1 → 2. Revision 1 stored each table as the parser's view model: amounts in the
 * printed unit (万元 or 元) as decimals and each row's line in the document. Revision 2 stores {@link PublishedTable}:
 * the unit (from the template, by the table's number and title), amounts in 分, no line numbers. A stored amount that
 * is not a whole number of 分 is refused, never rounded.
 */
public final class DisclosureRecordedTablesInFen extends SingleEventUpcaster {

    private static final SimpleSerializedType FROM = new SimpleSerializedType("DisclosureRecorded", "1");
    private static final SimpleSerializedType TO = new SimpleSerializedType("DisclosureRecorded", "2");

    private final TableUnits units;

    public DisclosureRecordedTablesInFen(TableUnits units) {
        this.units = units;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return FROM.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcast(TO, ObjectNode.class, this::upcast, Function.identity());
    }

    ObjectNode upcast(ObjectNode event) {
        ArrayNode tables = JsonNodeFactory.instance.arrayNode();
        for (JsonNode table : event.path("tables")) {
            tables.add(table(table));
        }
        ObjectNode upcast = event.deepCopy();
        upcast.set("tables", tables);
        return upcast;
    }

    private ObjectNode table(JsonNode table) {
        int number = table.path("number").asInt();
        String title = table.path("title").asText();
        String unit = units.unitOf(number, title);
        BigDecimal fenPerUnit = BigDecimal.valueOf(PublishedTable.fenPerUnit(unit));
        ObjectNode upcast = JsonNodeFactory.instance.objectNode();
        upcast.put("number", number);
        upcast.put("title", title);
        upcast.put("unit", unit);
        upcast.set("labelColumns", table.path("labelColumns").deepCopy());
        upcast.set("amountColumns", table.path("amountColumns").deepCopy());
        ArrayNode rows = upcast.putArray("rows");
        for (JsonNode row : table.path("rows")) {
            ObjectNode upcastRow = rows.addObject();
            upcastRow.put("level", row.path("level").asInt());
            upcastRow.set("labels", row.path("labels").deepCopy());
            ArrayNode amountsFen = upcastRow.putArray("amountsFen");
            for (JsonNode amount : row.path("amounts")) {
                if (amount.isNull()) {
                    amountsFen.addNull();
                } else {
                    amountsFen.add(fen(amount, fenPerUnit, number, title));
                }
            }
        }
        return upcast;
    }

    private static long fen(JsonNode amount, BigDecimal fenPerUnit, int number, String title) {
        BigDecimal printed = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asText());
        try {
            return printed.multiply(fenPerUnit).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException("DisclosureRecorded revision 1, table " + number + " " + title
                    + ": amount " + printed + " is not a whole number of 分", e);
        }
    }
}
