package cn.gov.panyu.points.platform.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Page and API latency ({@code http.server.requests}) keeps one set of tags. A request that fails carries an
 * {@code error} tag besides {@code exception}; Prometheus wants every series of a name to have the same tag
 * keys, so once a failed request (a URL the firewall rejects, say) had registered the meter with that extra
 * key, the latency of every ordinary page was dropped from the scrape. {@code exception} says the same.
 */
@Configuration
class RequestMetrics {

    @Bean
    MeterFilter oneTagSetForRequests() {
        return MeterFilter.ignoreTags("error");
    }
}
