package budgetledger.security;

import budgetledger.command.BudgetRuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.filters.FailedRequestFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the path and query parameters of every API call before its handler runs, so that no value of an
 * unexpected shape reaches a query: each path variable must match its pattern below, and a query parameter the
 * handler does not declare is refused. Both are 400 problem details naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
public class ParameterChecks implements WebMvcConfigurer, HandlerInterceptor {

    /** Every path variable of the API; a new one without a pattern here is refused until it gets one. */
    public static final Map<String, Pattern> PATH_VARIABLES = Map.of(
            "budgetId", Pattern.compile("[0-9A-Za-z]{1,20}-\\d{4}"),
            "lineId", Pattern.compile("L\\d{1,9}"),
            "number", Pattern.compile("\\d{1,2}"),
            "name", UserAccounts.NAME,
            "position", Pattern.compile("\\d{1,18}"),
            "sequence", Pattern.compile("\\d{1,18}"));

    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private static final Map<String, String> EXAMPLES = Map.of(
            "budgetId", "部门编码-年度，例如 062-2026", "lineId", "L 加数字，例如 L1", "number", "表号 1–13", "name", "小写字母开头的用户名，例如 finance",
            "position", "全局序号（非负整数）", "sequence", "预算内的记录序号（非负整数）");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Tomcat drops a query parameter it cannot decode (bad %-escapes, not UTF-8); refuse the request instead. */
    @Bean
    FilterRegistrationBean<FailedRequestFilter> failedRequestFilter() {
        FilterRegistrationBean<FailedRequestFilter> registration = new FilterRegistrationBean<>(new FailedRequestFilter());
        // After Spring's character encoding filter (HIGHEST_PRECEDENCE) and the body limit: parsing the parameters
        // first would read a form's body as ISO-8859-1 before UTF-8 is set, and garble every Chinese field.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Every path variable of the request matches its pattern (the web console's pages take the same ones). */
    public static void checkPathVariables(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            variables.forEach((name, value) -> {
                Pattern pattern = PATH_VARIABLES.get(name);
                if (pattern == null || !pattern.matcher(value).matches()) {
                    throw BudgetRuleException.invalid(name, "malformed-parameter",
                            name + " 的格式不对，应为" + EXAMPLES.getOrDefault(name, "（未定义的路径参数）"));
                }
            });
        }
    }

    public static boolean isBudgetId(String text) {
        return text != null && PATH_VARIABLES.get("budgetId").matcher(text).matches();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        checkPathVariables(request);
        Set<String> declared = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            // Names are discovered lazily, by the argument resolvers that run after this check: discover them here.
            parameter.initParameterNameDiscovery(PARAMETER_NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                declared.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
            }
        }
        for (String name : request.getParameterMap().keySet()) {
            if (!declared.contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                throw BudgetRuleException.invalid(shown, "unknown-parameter", "不认识的查询参数 " + shown);
            }
        }
        return true;
    }
}
