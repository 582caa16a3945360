package budgetledger.audit;

import budgetledger.command.CommandFingerprint;
import budgetledger.command.api.ChangeCommand;
import budgetledger.command.api.ImportDisclosure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts what an auditor asks about every change into its metadata, so that each event carries it beside the
 * actor: the 文号, the reason and the client's command id; and the command's fingerprint, which tells a retry of a
 * command id from its reuse for another command (CommandFingerprint). Axon copies these keys onto the events
 * (AxonConfiguration's correlation data providers).
 */
@Component
public class ChangeMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String DOCUMENT_NO = "documentNo";
    public static final String REASON = "reason";
    public static final String COMMAND_ID = "commandId";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            if (command.getPayload() instanceof ChangeCommand change) {
                putIfPresent(metadata, DOCUMENT_NO, change.documentNo());
                putIfPresent(metadata, REASON, change.reason());
                putIfPresent(metadata, COMMAND_ID, change.commandId());
            } else if (command.getPayload() instanceof budgetledger.command.api.ImportLineItems lineItems) {
                putIfPresent(metadata, COMMAND_ID, lineItems.commandId());
            } else if (command.getPayload() instanceof ImportDisclosure imported) {
                putIfPresent(metadata, DOCUMENT_NO, imported.documentNo());
                putIfPresent(metadata, COMMAND_ID, imported.commandId());
            }
            if (command.getPayload() instanceof ChangeCommand && command.getPayload() instanceof Record change) {
                metadata.put(CommandFingerprint.KEY, CommandFingerprint.of(change));
            }
            return metadata.isEmpty() ? command : command.andMetaData(metadata);
        };
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
