package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The Chinese bundle is what users see; the English one must stay a complete translation of it. */
class MessageBundlesTests {

    private final Properties chinese = load("/messages_zh_CN.properties");
    private final Properties english = load("/messages.properties");

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
    }

    @Test
    void noMessageIsBlank() {
        for (Properties bundle : List.of(chinese, english)) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
                    assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyMenuAndErrorLabelHasAMessage() {
        NavigationMenu menu = new NavigationMenu();
        List<String> keys = new ArrayList<>(List.of(menu.home().labelKey()));
        for (NavigationMenu.Group group : menu.groups()) {
            keys.add(group.labelKey());
            keys.add(group.descriptionKey());
            group.items().forEach(item -> keys.add(item.labelKey()));
        }
        Arrays.stream(ErrorKind.values()).forEach(kind -> keys.addAll(List.of(kind.titleKey(), kind.adviceKey())));

        assertThat(chinese.stringPropertyNames()).containsAll(keys);
    }

    @Test
    void chineseBundleIsActuallyChinese() {
        assertThat(chinese.getProperty("app.name")).isEqualTo("番禺区企业创新积分智能评价平台");
        assertThat(chinese.getProperty("menu.home")).isEqualTo("首页");
    }

    private static Properties load(String resource) {
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
