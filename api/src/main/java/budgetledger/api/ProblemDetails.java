package budgetledger.api;

import budgetledger.exchange.disclosure.DisclosureRejectedException;
import budgetledger.command.BudgetRuleException;
import budgetledger.exchange.lineimport.LineImportRejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static budgetledger.security.Problems.RETRY_AFTER_SECONDS;
import static budgetledger.security.Problems.databaseUnavailable;
import static budgetledger.security.Problems.problem;

/**
 * Every refusal as an RFC 7807 problem detail naming the field and the rule broken: 400 for malformed input,
 * 404 for an unknown budget or line, 409 for a rule of the ledger broken, 413 for a body past the limit.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

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
                .map(p -> p.page() > 0
                        ? java.util.Map.of("page", p.page(), "line", p.line(), "table", p.table(), "message", p.message(),
                                "text", p.text())
                        : java.util.Map.of("line", p.line(), "table", p.table(), "message", p.message(), "text", p.text()))
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
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        if (e.getCause() instanceof BudgetRuleException rule) {
            return ResponseEntity.status(rule.kind() == BudgetRuleException.Kind.INVALID ? HttpStatus.BAD_REQUEST
                    : rule.kind() == BudgetRuleException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT)
                    .body(rule(rule));
        }
        if (e.getCause() instanceof ConcurrencyException concurrency) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrent(concurrency));
        }
        return storageFailure(e);
    }

    /**
     * The database is gone (no connection within budget-ledger.db.connection-timeout-ms, or the connection broke):
     * 503 with rule database-unavailable and Retry-After, so that a client retries the same commandId later. Any
     * other failure of the store is a 500 problem detail.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.TransactionException.class,
            org.axonframework.common.jdbc.JdbcException.class,
            org.axonframework.eventsourcing.eventstore.EventStoreException.class,
            org.axonframework.queryhandling.QueryExecutionException.class,
            java.util.concurrent.CompletionException.class,
            java.sql.SQLException.class})
    ResponseEntity<ProblemDetail> storageFailure(Exception e) {
        if (databaseUnavailable(e)) {
            log.warn("database unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(databaseUnavailable());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BudgetRuleException rule) {
                return ResponseEntity.status(rule.kind() == BudgetRuleException.Kind.INVALID ? HttpStatus.BAD_REQUEST
                        : rule.kind() == BudgetRuleException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
                        : HttpStatus.CONFLICT).body(rule(rule));
            }
            if (t instanceof ConcurrencyException concurrency) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrent(concurrency));
            }
        }
        log.error("command failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "内部错误"));
    }

    /**
     * Anything else is a bug: logged with its stack, answered as a 500 problem detail that names no class (Spring's
     * default error body would, and would not be a problem detail).
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "内部错误"));
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
        String duplicate = duplicateKeyOf(e);
        if (duplicate != null) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "duplicate-key", duplicate,
                    "字段 " + duplicate + " 在请求体中出现了不止一次"));
        }
        String field = fieldOf(e);
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-json", field == null ? "body" : field,
                field == null ? "请求体不是有效的 JSON（或 JSON 之后还有内容）" : "字段 " + field + " 的值类型不对");
        return ResponseEntity.badRequest().body(body);
    }

    /** The key a body gave twice (STRICT_DUPLICATE_DETECTION, see StrictJson), else null. */
    private static String duplicateKeyOf(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse
                && parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field '")) {
            String message = parse.getOriginalMessage();
            String name = message.substring("Duplicate field '".length(), Math.max(message.lastIndexOf('\''),
                    "Duplicate field '".length()));
            return name == null ? "body" : name.length() > 40 ? name.substring(0, 40) + "…" : name;
        }
        return null;
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
}
