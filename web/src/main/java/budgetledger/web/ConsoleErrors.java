package budgetledger.web;

import budgetledger.security.Problems;
import budgetledger.command.BudgetRuleException;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A refusal on a page is a page, in Chinese, not the API's problem JSON: this advice is scoped to the console's
 * controllers and comes before the API's.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(BudgetRuleException.class)
    String rule(BudgetRuleException e, Model model, HttpServletResponse response) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return page(status, e.getMessage(), model, response);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    String unknownBudget(AggregateNotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "预算 " + e.getAggregateIdentifier() + " 不存在", model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的格式不对", model, response);
    }

    @ExceptionHandler(CommandExecutionException.class)
    String wrapped(CommandExecutionException e, Model model, HttpServletResponse response) {
        if (e.getCause() instanceof BudgetRuleException rule) {
            return rule(rule, model, response);
        }
        log.error("command failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误", model, response);
    }

    /** Anything else: the database gone (503), or a bug (500, logged); a page either way, naming no class. */
    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, Model model, HttpServletResponse response) {
        if (e instanceof org.springframework.web.ErrorResponse refusal) {
            HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
            String detail = refusal.getBody().getDetail();
            return page(status, detail == null ? status.getReasonPhrase() : detail, model, response);
        }
        if (Problems.databaseUnavailable(e)) {
            response.setHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
            return page(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂时不可用，请稍后再试", model, response);
        }
        log.error("page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误", model, response);
    }

    private static String page(HttpStatus status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        return "error";
    }
}
