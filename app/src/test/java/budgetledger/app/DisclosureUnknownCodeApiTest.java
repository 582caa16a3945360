package budgetledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document using a functional code the year's catalogue does not hold (the seed with 2010350 事业运行 printed as
 * 2010398 试点改革事务支出) imports with a warning, and its tables keep the document's name for the code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class DisclosureUnknownCodeApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();


    @Test
    void a_code_outside_the_catalogue_keeps_the_documents_name_and_is_a_warning_not_a_refusal() {
        TestRestTemplate finance = APP.finance();
        String text = SampleText.seed().replace("2010350\t事业运行", "2010398\t试点改革事务支出");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));

        ResponseEntity<JsonNode> imported = finance.postForEntity("/api/disclosures",
                new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);

        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        assertThat(imported.getBody().get("reconciliation").get("mismatched").asInt()).isZero();
        assertThat(imported.getBody().get("reconciliation").get("exact").asInt()).isEqualTo(925);
        assertThat(imported.getBody().get("warnings").toString()).contains("2010398", "试点改革事务支出");
        JsonNode table3 = finance.getForObject("/api/budgets/062-2026/tables/3", JsonNode.class);
        assertThat(table3.toString()).contains("\"2010398\",\"试点改革事务支出\"").doesNotContain("2010350");
    }
}
