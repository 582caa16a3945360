package budgetledger.audit;

import budgetledger.projections.LinesInCommandTransaction;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Puts the event chain under Axon's storage engine, whichever engine Axon configured. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    EventChain eventChain(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                          @Value("${budget-ledger.audit.background-linker:true}") boolean background,
                          @Value("${budget-ledger.audit.link-interval-ms:1000}") long intervalMillis,
                          @Value("${budget-ledger.audit.synchronous-links:false}") boolean synchronous) {
        EventChain chain = new EventChain(jdbc, transactions, background, intervalMillis);
        chain.asyncCommits(!synchronous);
        return chain;
    }

    /**
     * The storage engine with the chain's seals and the lines written with the events. Its appends outside a
     * transaction (a command's) are committed in groups, at most {@code budget-ledger.event-store.group-commit-leaders}
     * groups at once (GroupCommit; 0: each append alone).
     */
    @Bean
    static BeanPostProcessor chainingStorageEngine(ObjectProvider<EventChain> chain,
                                                   ObjectProvider<LinesInCommandTransaction> lines,
                                                   ObjectProvider<PlatformTransactionManager> transactions,
                                                   @Value("${budget-ledger.event-store.group-commit-leaders:2}")
                                                   int groupLeaders) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventStorageEngine engine && !(bean instanceof ChainingEventStorageEngine)) {
                    return new ChainingEventStorageEngine(engine, chain.getObject(), lines.getObject()::write,
                            transactions.getObject(), groupLeaders);
                }
                return bean;
            }
        };
    }
}
