package budgetledger.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The API described for springdoc ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): HTTP Basic as its
 * security scheme, and the error format, an RFC 7807 problem detail with {@code rule} and {@code field}
 * ({@link ProblemDetails}), declared once as the schema {@code Problem} and answered by every operation for
 * 400, 401, 403, 404, 409, 413 and, on imports, 422.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String BASIC = "basic";

    private static final Map<String, String> REFUSALS = Map.of(
            "400", "输入格式不对（字段、路径参数或查询参数），或不认识的查询参数",
            "401", "未登录或密码错误（HTTP Basic）",
            "403", "当前用户的角色无权调用",
            "404", "预算、预算行或表不存在",
            "409", "违反账务规则：余额不足、预算已存在、命令编号重复使用等",
            "413", "请求体超过上限");

    @Bean
    OpenAPI budgetLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Budget Ledger API").version("1")
                        .description("部门预算账本：预算、预算行、追加追减、调剂、公开表格、导入导出、审计。金额以元为单位的"
                                + "十进制字符串（表格为万元、两位小数）。所有拒绝均为 RFC 7807 problem details。"))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Every operation answers its refusals as problem details; imports also 422 with the list of problems. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            // Added here rather than on the bean above: springdoc replaces the schemas with those it generates.
            api.getComponents().addSchemas("Problem", problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                REFUSALS.forEach((status, description) -> operation.getResponses()
                        .putIfAbsent(status, problemResponse(description)));
                if (path.equals("/api/disclosures")) {
                    operation.getResponses().putIfAbsent("422",
                            problemResponse("文档无法读取或其表格无法还原；problems 列出每个问题的（页码、）行号与表"));
                }
            }));
        };
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema item = new ObjectSchema();
        item.addProperty("page", new IntegerSchema().description("PDF 的页码（导入 PDF 时）"));
        item.addProperty("line", new IntegerSchema().description("文档中的行号（PDF：该页的行号）"));
        item.addProperty("table", new StringSchema().description("表，如 表2 预算收入总表"));
        item.addProperty("message", new StringSchema());
        item.addProperty("text", new StringSchema().description("行号与说明合成的一句话"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem detail, Content-Type application/problem+json");
        problem.addProperty("type", new StringSchema().example("urn:budget-ledger:problem:overdraft")
                .description("urn:budget-ledger:problem: 加规则名"));
        problem.addProperty("title", new StringSchema().example("overdraft"));
        problem.addProperty("status", new IntegerSchema().example(409));
        problem.addProperty("detail", new StringSchema().example("预算行 L2 余额 700000.00 元，不足以减少 700000.01 元")
                .description("给用户看的中文说明"));
        problem.addProperty("instance", new StringSchema().example("/api/budgets/901-2026/adjustments"));
        problem.addProperty("rule", new StringSchema().example("overdraft").description("违反的规则，机器可读"));
        problem.addProperty("field", new StringSchema().example("amount").description("出错的字段或参数"));
        problem.addProperty("problems", new ArraySchema().items(item).description("仅导入（422）：每个问题"));
        problem.required(java.util.List.of("type", "title", "status", "rule"));
        return problem;
    }
}
