package budgetledger.command.api;

/** A command that changes a budget: it carries a 文号, a reason and the client's command id. */
public interface ChangeCommand {

    String budgetId();

    String documentNo();

    String reason();

    String commandId();
}
