package budgetledger.app.http;

import budgetledger.app.disclosure.DisclosureRejectedException;
import budgetledger.command.BudgetRuleException;
import budgetledger.app.lineimport.LineImportRejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.io.IOException;
import java.net.URI;

/**
 * Every refusal as an RFC 7807 problem detail naming the field and the rule broken: 400 for malformed input,
 * 404 for an unknown budget or line, 409 for a rule of the ledger broken, 413 for a body past the limit.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    private static final String TYPE_BASE = "urn:budget-ledger:problem:";

    @ExceptionHandler(BudgetRuleException.class)
    ProblemDetail rule(BudgetRuleException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(status, e.rule(), e.field(), e.getMessage());
    }

    /** A document that cannot be imported: every problem with its line and table; nothing was recorded. */
    @ExceptionHandler(DisclosureRejectedException.class)
    ProblemDetail rejected(DisclosureRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), "body", e.getMessage());
        problem.setProperty("problems", e.problems().stream()
                .map(p -> java.util.Map.of("line", p.line(), "table", p.table(), "message", p.message(), "text", p.text()))
                .toList());
        return problem;
    }

    /** A line-item file that cannot be imported: every problem with its sheet, row and column; nothing recorded. */
    @ExceptionHandler(LineImportRejectedException.class)
    ProblemDetail lineImportRejected(LineImportRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), "file", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownBudget(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-budget", "budgetId",
                "预算 " + e.getAggregateIdentifier() + " 不存在");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail budgetExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "budget-exists", "budgetId", "该部门该年度的预算已存在");
    }

    /** Two writers raced for the same budget; the later one is refused and may retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", null, "预算同时被另一操作修改，请重试");
    }

    /** Axon wraps what a handler throws when it is not a runtime exception; report the cause when it is ours. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail wrapped(CommandExecutionException e) {
        if (e.getCause() instanceof BudgetRuleException rule) {
            return rule(rule);
        }
        log.error("command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "内部错误");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(BodySizeLimit.tooLarge(tooLarge.maxBytes));
            }
        }
        String field = fieldOf(e);
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-json", field,
                field == null ? "请求体不是有效的 JSON" : "字段 " + field + " 的值类型不对");
        return ResponseEntity.badRequest().body(body);
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return null;
    }

    /** For the answers given before a request reaches a controller: refused by security or by a filter. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             ProblemDetail problem) throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // A request line Tomcat let through but java.net.URI will not parse: answer without naming it.
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail problem(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + rule));
        problem.setTitle(rule);
        problem.setProperty("rule", rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
