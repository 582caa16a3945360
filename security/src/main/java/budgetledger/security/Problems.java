package budgetledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;

/**
 * An RFC 7807 problem detail naming the rule broken and the field, shared by the REST API (ProblemDetails), the
 * console and the answers given before a request reaches either (security, filters).
 */
public final class Problems {

    private static final String TYPE_BASE = "urn:budget-ledger:problem:";

    private Problems() {
    }

    public static final String RETRY_AFTER_SECONDS = "5";

    /** 503, rule database-unavailable. */
    public static ProblemDetail databaseUnavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", null, "数据库暂不可用，请稍后用同一 commandId 重试");
    }

    /**
     * No connection to be had, or one that broke: SQLState class 08 (connection) or 57P (server shutting down),
     * or a pooled connection closed under the statement.
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
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
