package budgetledger.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies are read strictly: a key given twice (which value counts?), anything after the JSON value, and
 * a fractional number where an integer is expected (fiscalYear 2026.9) are refused with 400, not quietly read.
 * Only the API's converter is changed, on a copy of Spring's mapper: the event store's serializer keeps reading
 * what it stored as it always did.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        copy.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        copy.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        return copy;
    }
}
