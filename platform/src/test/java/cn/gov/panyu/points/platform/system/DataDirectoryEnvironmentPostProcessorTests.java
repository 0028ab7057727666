package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryEnvironmentPostProcessorTests {

    private final DataDirectoryEnvironmentPostProcessor processor = new DataDirectoryEnvironmentPostProcessor();

    @Test
    void relativeDataDirectoryIsResolvedAgainstTheStartingDirectory() {
        String resolved = process("data/../data");

        assertThat(Path.of(resolved)).isAbsolute().isEqualTo(Path.of("data").toAbsolutePath().normalize());
    }

    @Test
    void absoluteDataDirectoryIsKept() {
        String absolute = Path.of("somewhere").toAbsolutePath().toString();

        assertThat(process(absolute)).isEqualTo(absolute);
    }

    private String process(String configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("test", Map.of("points.data-dir", configured)));
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("points.data-dir");
    }
}
