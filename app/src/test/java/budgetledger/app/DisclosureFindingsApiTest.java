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
 * A document with one misprinted cell (the seed with table 3's 201 合计 moved by 10.00 万元): refused naming that
 * cell; with {@code findings=accept} imported, the cell recorded as the budget's one finding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class DisclosureFindingsApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();


    TestRestTemplate finance() {
        return APP.finance();
    }

    ResponseEntity<JsonNode> importText(String text, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        return finance().postForEntity("/api/disclosures" + query,
                new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    static String misprinted() {
        String seed = SampleText.seed();
        String row = "201\t一般公共服务支出\t3487.06\t1920.38\t1566.68";
        assertThat(seed).contains(row);
        int at = seed.indexOf(row); // table 3's row; table 5 prints the same row later
        return seed.substring(0, at) + "201\t一般公共服务支出\t3497.06\t1920.38\t1566.68"
                + seed.substring(at + row.length());
    }

    @Test
    void a_misprinted_cell_is_refused_by_name_then_imported_as_the_one_finding_when_findings_are_accepted() {
        long before = DB.count("select count(*) from domain_event_entry");

        ResponseEntity<JsonNode> refused = importText(misprinted(), "");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("problems")).hasSize(1);
        assertThat(refused.getBody().get("problems").get(0).get("text").asText())
                .contains("表3 预算支出总表", "201 一般公共服务支出", "“合计”列", "公布 3497.06", "其余单元格得出 3487.06");
        assertThat(importText(misprinted(), "?findings=maybe").getStatusCode().value()).isEqualTo(400);
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(before);

        ResponseEntity<JsonNode> accepted = importText(misprinted(), "?findings=accept");
        assertThat(accepted.getStatusCode().value()).isEqualTo(201);
        assertThat(accepted.getBody().get("findings")).hasSize(1);
        assertThat(accepted.getBody().get("reconciliation").get("mismatched").asInt()).isEqualTo(1);

        JsonNode findings = finance().getForObject("/api/budgets/062-2026/findings", JsonNode.class);
        assertThat(findings).hasSize(1);
        JsonNode finding = findings.get(0);
        assertThat(finding.get("table").asInt()).isEqualTo(3);
        assertThat(finding.get("row").asText()).isEqualTo("201 一般公共服务支出");
        assertThat(finding.get("column").asText()).isEqualTo("合计");
        assertThat(finding.get("publishedWanYuan").decimalValue()).isEqualByComparingTo("3497.06");
        assertThat(finding.get("ledgerFen").asLong()).isBetween(3_487_055_000L, 3_487_064_999L);

        JsonNode reconciliation = finance().getForObject("/api/budgets/062-2026/reconciliation", JsonNode.class);
        assertThat(reconciliation.get("mismatched").asInt()).isEqualTo(1);
        assertThat(reconciliation.get("exact").asInt()).isEqualTo(924);
    }
}
