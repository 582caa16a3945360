package budgetledger.app;

import budgetledger.disclosure.generated.DisclosurePdf;
import budgetledger.disclosure.generated.LedgerGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published PDF itself, as the body ({@code application/pdf}) or as a form upload: the seed printed as a PDF
 * imports with every one of its 925 cells exact; a PDF that is no PDF, one with an unreadable amount, or one with a
 * cell the others contradict is 422 naming the page (and the cell), and records nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class DisclosurePdfApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    @BeforeAll
    static void cjkFont() {
        DisclosurePdf.assumeFont();
    }

    long events() {
        return DB.count("select count(*) from domain_event_entry");
    }

    @Test
    void pdfs_import_as_the_body_and_as_a_form_upload_and_bad_ones_are_422_naming_the_page() {
        long before = events();
        ResponseEntity<JsonNode> garbage = APP.importPdf("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII), "");
        assertThat(garbage.getStatusCode().value()).isEqualTo(422);
        assertThat(garbage.getBody().get("rule").asText()).isEqualTo("unreadable-document");
        assertThat(garbage.getBody().get("problems").get(0).get("text").asText()).contains("不是可读取的 PDF");

        String letter = SampleText.seed().replaceFirst("\t3487\\.06\t", "\t34a7.06\t");
        ResponseEntity<JsonNode> unreadable = APP.importPdf(DisclosurePdf.write(letter, "晋城市行政审批服务管理局"), "");
        assertThat(unreadable.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = unreadable.getBody().get("problems").get(0);
        assertThat(problem.get("page").asInt()).isGreaterThan(1);
        assertThat(problem.get("text").asText()).matches("第 \\d+ 页第 \\d+ 行，表1 预算收支总表：“支出合计”列金额 “34a7.06” 不是数字");
        String row = "201\t一般公共服务支出\t3487.06\t1920.38\t1566.68";
        String seedText = SampleText.seed();
        int at = seedText.indexOf(row); // table 3's row; table 5 prints the same row later
        String misprinted = seedText.substring(0, at) + "201\t一般公共服务支出\t3497.06\t1920.38\t1566.68"
                + seedText.substring(at + row.length());
        ResponseEntity<JsonNode> refused = APP.importPdf(DisclosurePdf.write(misprinted, "晋城市行政审批服务管理局"), "");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("problems")).hasSize(1);
        JsonNode cell = refused.getBody().get("problems").get(0);
        assertThat(cell.get("page").asInt()).isGreaterThan(1);
        assertThat(cell.get("text").asText()).startsWith("第 " + cell.get("page").asInt() + " 页第 ")
                .contains("表3 预算支出总表", "201 一般公共服务支出", "“合计”列", "公布 3497.06", "其余单元格得出 3487.06");
        assertThat(events()).isEqualTo(before);

        ResponseEntity<JsonNode> seed = APP.importPdf(DisclosurePdf.write(SampleText.seed(),
                "晋城市行政审批服务管理局2026年部门预算公开"), "");
        assertThat(seed.getStatusCode().value()).isEqualTo(201);
        assertThat(seed.getBody().get("budgetId").asText()).isEqualTo("062-2026");
        assertThat(seed.getBody().at("/reconciliation/exact").asInt()).isEqualTo(925);
        assertThat(seed.getBody().at("/reconciliation/mismatched").asInt()).isZero();
        JsonNode total = APP.finance().getForObject("/api/budgets/062-2026/tables/3", JsonNode.class).get("rows").get(0);
        assertThat(total.get("amounts").toString()).isEqualTo("[\"4294.01\",\"2723.73\",\"1570.28\"]");

        // A department whose 项 are all in the catalogue: this test is about the upload, not about unknown codes.
        long seedNo = 7;
        while (!LedgerGenerator.generate(seedNo).header().documentNames().isEmpty()) {
            seedNo++;
        }
        LedgerGenerator.Generated generated = LedgerGenerator.generate(seedNo);
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_OCTET_STREAM); // browsers often send no useful type
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(new ByteArrayResource(DisclosurePdf.write(generated.text(), "公开")) {
            @Override
            public String getFilename() {
                return "department-2026.pdf";
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> uploaded = APP.finance().postForEntity("/api/disclosures", new HttpEntity<>(form, headers),
                JsonNode.class);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        assertThat(uploaded.getBody().get("budgetId").asText())
                .isEqualTo(generated.header().departmentCode() + "-2026");
        assertThat(uploaded.getBody().at("/reconciliation/mismatched").asInt()).isZero();
        assertThat(uploaded.getBody().at("/lines").asInt()).isPositive();
    }
}
