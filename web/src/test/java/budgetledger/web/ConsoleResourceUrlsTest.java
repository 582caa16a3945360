package budgetledger.web;

import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleResourceUrlsTest {

    /** The request the rest of the chain gets when the filter is asked for this path. */
    private static ServletRequest passedOn(String contextPath, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + path);
        request.setContextPath(contextPath);
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        new ConsoleResourceUrls.PagesOnly().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(req));
        assertThat(seen.get()).as("the chain went on for %s", path).isNotNull();
        return seen.get();
    }

    @Test
    void an_api_call_passes_unwrapped_and_a_console_page_is_wrapped_to_write_resource_links() throws Exception {
        for (String context : new String[] {"", "/ledger"}) {
            assertThat(passedOn(context, "/api/budgets/062-2026/adjustments"))
                    .isExactlyInstanceOf(MockHttpServletRequest.class);
            assertThat(passedOn(context, "/budgets/062-2026/three-public"))
                    .isNotExactlyInstanceOf(MockHttpServletRequest.class);
            // Only the API's own prefix: a page whose name begins with "api" is still a page.
            assertThat(passedOn(context, "/apis")).isNotExactlyInstanceOf(MockHttpServletRequest.class);
            assertThat(passedOn(context, "/")).isNotExactlyInstanceOf(MockHttpServletRequest.class);
        }
    }
}
