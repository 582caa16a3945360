package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared setup of a test of the running application: a fresh database of its own ({@link TestDatabase}), the
 * test users the application creates on its first start ({@link TestUsers}), and its HTTP clients signed in per role.
 * A {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} class declares
 * <pre>{@code @RegisterExtension static final LedgerApp APP = new LedgerApp();}</pre>
 * and {@link Properties} (registered in META-INF/spring.factories) points that class's application at the database
 * and the users. Give such a class {@code @DirtiesContext}, so that its application and connections end with it.
 */
public final class LedgerApp implements BeforeEachCallback {

    private final TestDatabase database;
    private final Map<String, Object> properties;
    private TestRestTemplate server;

    public LedgerApp() {
        this.database = TestDatabase.create();
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.putAll(TestUsers.properties());
        this.properties = Map.copyOf(properties);
    }

    /** The application's own database, to look behind its back. */
    public TestDatabase database() {
        return database;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = SpringExtension.getApplicationContext(context).getBean(TestRestTemplate.class);
    }

    /** The client of the application's port, signed in as nobody. */
    public TestRestTemplate server() {
        if (server == null) {
            throw new IllegalStateException("the application's client is there from the first test on");
        }
        return server;
    }

    /** A client signed in (HTTP Basic) as the test user of a role. */
    public TestRestTemplate as(Role role) {
        return server().withBasicAuth(TestUsers.name(role), TestUsers.password(role));
    }

    public TestRestTemplate finance() {
        return as(Role.FINANCE);
    }

    public TestRestTemplate auditor() {
        return as(Role.AUDITOR);
    }

    /** POSTs a JSON body and reads the answer as JSON. */
    public static ResponseEntity<JsonNode> postJson(TestRestTemplate client, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** POSTs a PDF as the body (Content-Type application/pdf) and reads the answer as JSON. */
    public static ResponseEntity<JsonNode> postPdf(TestRestTemplate client, String path, byte[] pdf) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        return client.postForEntity(path, new HttpEntity<>(pdf, headers), JsonNode.class);
    }

    /** Imports a disclosure PDF as finance staff: {@code POST /api/disclosures<query>} with the PDF as the body. */
    public ResponseEntity<JsonNode> importPdf(byte[] pdf, String query) {
        return postPdf(finance(), "/api/disclosures" + query, pdf);
    }

    /** Finds a test class's LedgerApp and puts its database and users into the environment of its application. */
    public static final class Properties implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configurations) {
            for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == LedgerApp.class) {
                        try {
                            field.setAccessible(true);
                            return new Customizer(((LedgerApp) field.get(null)).properties);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            return null;
        }
    }

    private record Customizer(Map<String, Object> properties) implements ContextCustomizer {

        /** The property source of @DynamicPropertySource methods (Spring's DynamicPropertiesContextCustomizer). */
        private static final String DYNAMIC = "Dynamic Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            // Below a class's own @DynamicPropertySource, which may set more (a larger pool), above everything else.
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource ledgerApp = new MapPropertySource("ledgerApp", properties);
            if (sources.contains(DYNAMIC)) {
                sources.addAfter(DYNAMIC, ledgerApp);
            } else {
                sources.addFirst(ledgerApp);
            }
        }
    }
}
