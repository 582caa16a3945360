package budgetledger.events.schema;

/**
 * The unit a published table of that number and title was printed in (万元 or 元): what revision 1 of
 * {@code DisclosureRecorded} left to its template. The disclosure module's templates know it.
 */
@FunctionalInterface
public interface TableUnits {

    String unitOf(int number, String title);
}
