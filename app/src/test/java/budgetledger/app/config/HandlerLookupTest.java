package budgetledger.app.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path-first lookup decides every mapping as Spring's full check does: over generated mappings (path patterns
 * with variables and wildcards, methods, consumed and produced types, parameters, headers) and generated requests
 * (half of them on a path the mapping's own pattern produces, preflights among them), both give the same match, or
 * none.
 */
class HandlerLookupTest {

    static final List<String> LITERALS = List.of("api", "budgets", "lines", "adjustments", "history", "x");
    static final List<String> VALUES = List.of("062-2026", "L1", "9", "api", "budgets", "lines", "%E9%A2%84", "a.b");

    record Case(RequestMappingInfo info, MockHttpServletRequest request) {
        @Override
        public String toString() {
            return info + " ← " + request.getMethod() + " " + request.getRequestURI() + " " + request.getContentType()
                    + " accept=" + request.getHeader(HttpHeaders.ACCEPT) + " origin=" + request.getHeader(HttpHeaders.ORIGIN);
        }
    }

    @Property(tries = 3000)
    void the_path_first_lookup_matches_a_mapping_exactly_when_springs_full_check_does(@ForAll("cases") Case c) {
        RequestMappingInfo pathFirst = new HandlerLookup.PathFirst().getMatchingMapping(c.info(), c.request());
        RequestMappingInfo full = c.info().getMatchingCondition(c.request());
        Statistics.label("matched").collect(full != null);
        Statistics.label("matched").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
        assertThat(pathFirst).isEqualTo(full);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<String>> segments = Arbitraries.oneOf(Arbitraries.of(LITERALS), Arbitraries.of("{v}", "*"))
                .list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<String> pattern = Combinators.combine(segments, Arbitraries.of("", "", "/**"))
                .as((parts, tail) -> {
                    // Each variable named once in a pattern: {v0}, {v1}, …
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < parts.size(); i++) {
                        text.append('/').append(parts.get(i).equals("{v}") ? "{v" + i + "}" : parts.get(i));
                    }
                    return (text.length() == 0 ? "/" : text.toString()) + (text.length() == 0 && !tail.isEmpty() ? "**" : tail);
                });
        Arbitrary<List<String>> patterns = pattern.list().ofMinSize(1).ofMaxSize(2).uniqueElements();
        Arbitrary<List<RequestMethod>> methods = Arbitraries.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
                RequestMethod.DELETE).list().ofMaxSize(2).uniqueElements();
        Arbitrary<String> consumes = Arbitraries.of("", "application/json", "text/plain");
        Arbitrary<String> produces = Arbitraries.of("", "application/json", "text/html");
        Arbitrary<String> params = Arbitraries.of("", "", "mode=x", "!debug");
        Arbitrary<String> headers = Arbitraries.of("", "", "X-Api=1");
        Arbitrary<RequestMappingInfo> infos = Combinators.combine(patterns, methods, consumes, produces, params, headers)
                .as(HandlerLookupTest::info);
        return infos.flatMap(info -> request(info).map(request -> new Case(info, request)));
    }

    static RequestMappingInfo info(List<String> patterns, List<RequestMethod> methods, String consumes, String produces,
                                   String params, String headers) {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(PathPatternParser.defaultInstance);
        RequestMappingInfo.Builder builder = RequestMappingInfo.paths(patterns.toArray(String[]::new))
                .methods(methods.toArray(RequestMethod[]::new)).options(config);
        if (!consumes.isEmpty()) {
            builder.consumes(consumes);
        }
        if (!produces.isEmpty()) {
            builder.produces(produces);
        }
        if (!params.isEmpty()) {
            builder.params(params);
        }
        if (!headers.isEmpty()) {
            builder.headers(headers);
        }
        return builder.build();
    }

    /** A request on the mapping's own first pattern (variables and wildcards filled) or on any path at all. */
    static Arbitrary<MockHttpServletRequest> request(RequestMappingInfo info) {
        String own = info.getPathPatternsCondition().getPatternValues().iterator().next();
        Arbitrary<String> ownPath = Arbitraries.of(VALUES).list().ofSize(8).map(values -> fill(own, values));
        Arbitrary<String> anyPath = Combinators.combine(Arbitraries.of(VALUES).list().ofMaxSize(5), Arbitraries.of("", "/"))
                .as((parts, slash) -> "/" + String.join("/", parts) + (parts.isEmpty() ? "" : slash));
        Arbitrary<String> path = Arbitraries.oneOf(ownPath, anyPath);
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
        Arbitrary<String> contentType = Arbitraries.of("", "application/json", "text/plain;charset=UTF-8", "text/csv");
        Arbitrary<String> accept = Arbitraries.of("", "application/json", "text/html", "*/*", "image/png");
        Arbitrary<Integer> extras = Arbitraries.integers().between(0, 15); // bits: body, mode=x, debug, X-Api, preflight
        return Combinators.combine(path, method, contentType, accept, extras).as((p, m, type, acc, bits) -> {
            MockHttpServletRequest request = new MockHttpServletRequest(m, p);
            if (!type.isEmpty()) {
                request.setContentType(type);
            }
            if ((bits & 1) != 0) {
                request.setContent("{}".getBytes());
                request.addHeader(HttpHeaders.CONTENT_LENGTH, "2");
            }
            if (!acc.isEmpty()) {
                request.addHeader(HttpHeaders.ACCEPT, acc);
            }
            if ((bits & 2) != 0) {
                request.addParameter("mode", "x");
            }
            if ((bits & 4) != 0) {
                request.addHeader("X-Api", "1");
            }
            if ((bits & 8) != 0 && m.equals("OPTIONS")) {
                request.addHeader(HttpHeaders.ORIGIN, "https://elsewhere.example");
                request.addHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST");
            }
            ServletRequestPathUtils.parseAndCache(request);
            return request;
        });
    }

    /** The pattern with its variables and {@code *} filled by values, and {@code /**} by none, one or two segments. */
    static String fill(String pattern, List<String> values) {
        StringBuilder path = new StringBuilder();
        int v = 0;
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("**")) {
                int extra = values.get(v++).length() % 3;
                for (int i = 0; i < extra; i++) {
                    path.append('/').append(values.get(v++));
                }
            } else {
                path.append('/').append(segment.startsWith("{") || segment.equals("*") ? values.get(v++) : segment);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
