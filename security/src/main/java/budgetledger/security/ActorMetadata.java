package budgetledger.security;

import budgetledger.command.api.ImportDisclosure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Names the signed-in user as the {@code actor} of every command sent on behalf of an HTTP request, with
 * {@code source} "api" ("import" for a disclosure import), overwriting whatever the metadata said: the actor is who authenticated, never what a
 * client claims. Axon copies both keys onto the events (see AxonConfiguration's correlation data providers).
 * Commands sent by the application itself, with nobody signed in, are marked {@code source} "internal".
 */
@Component
public class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String SOURCE = "source";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            boolean imported = command.getPayload() instanceof ImportDisclosure
                    || command.getPayload() instanceof budgetledger.command.api.ImportLineItems;
            // Dispatch runs on the thread of the request, where Spring Security keeps who signed in.
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
                return command.getMetaData().containsKey(SOURCE) ? command
                        : command.andMetaData(Map.of(SOURCE, imported ? "import" : "internal"));
            }
            return command.andMetaData(Map.of(ACTOR, user.getName(), SOURCE, imported ? "import" : "api"));
        };
    }
}
