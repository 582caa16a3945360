package budgetledger.security;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirewallTest {

    /**
     * Header text as it comes: mostly printable ASCII, with control characters (tab, CR, LF, NUL, DEL, C1),
     * unassigned code points, lone and paired surrogates, and CJK mixed in.
     */
    @Provide
    Arbitrary<String> headerText() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x85, 0x9F)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0x0378, 0x0379, 0x0530, 0xFDD0, 0xFFFF, 0x2FFFF, 0xE0000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xD800, 0xDFFF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF)));
        return codePoint.list().ofMaxSize(12).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    @Property(tries = 3000)
    void a_header_name_passes_exactly_when_springs_own_check_passes_it(@ForAll("headerText") String name) {
        assertThat(Firewall.allowed(name, false)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name));
    }

    @Property(tries = 3000)
    void a_header_value_passes_exactly_when_springs_own_check_passes_it(@ForAll("headerText") String value) {
        assertThat(Firewall.allowed(value, true)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
    }

    @Test
    void the_firewall_refuses_a_control_character_in_a_header_and_passes_a_tab_in_a_value() {
        HttpFirewall firewall = Firewall.httpFirewall();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/budgets/062-2026/adjustments");
        request.addHeader("X-Reason", "追加\t预算");
        request.addHeader("X-Bad", "line\u0000break");
        request.addHeader("X-\u0007Bell", "ok");
        var checked = firewall.getFirewalledRequest(request);
        assertThat(checked.getHeader("X-Reason")).isEqualTo("追加\t预算");
        assertThatThrownBy(() -> checked.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("X-Bad").hasMessageContaining("not allowed");
        assertThatThrownBy(() -> checked.getHeader("X-\u0007Bell")).isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("Bell").hasMessageContaining("not allowed");
    }
}
