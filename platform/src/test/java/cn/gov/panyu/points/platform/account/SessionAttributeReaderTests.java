package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

class SessionAttributeReaderTests {

    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter(getClass().getClassLoader());
    private final AtomicInteger deserialized = new AtomicInteger();
    private final SessionAttributeReader reader = new SessionAttributeReader(bytes -> {
        deserialized.incrementAndGet();
        return deserializer.convert(bytes);
    });

    @Test
    void aSignedInContextIsDeserializedOnceAndEachReadGetsItsOwnContext() {
        byte[] stored = serializer.convert(context("staff"));

        SecurityContext first = (SecurityContext) reader.read(stored);
        SecurityContext second = (SecurityContext) reader.read(stored.clone()); // the same content, read again

        assertThat(deserialized).hasValue(1);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(second.getAuthentication().getName()).isEqualTo("staff");
        // signing out empties the context of that request only
        first.setAuthentication(null);
        assertThat(((SecurityContext) reader.read(stored)).getAuthentication().getName()).isEqualTo("staff");
    }

    @Test
    void otherBytesAreReadAfresh() {
        SecurityContext staff = (SecurityContext) reader.read(serializer.convert(context("staff")));
        SecurityContext bank = (SecurityContext) reader.read(serializer.convert(context("bank")));

        assertThat(deserialized).hasValue(2);
        assertThat(staff.getAuthentication().getName()).isEqualTo("staff");
        assertThat(bank.getAuthentication().getName()).isEqualTo("bank");
    }

    @Test
    void everyOtherAttributeIsDeserializedOnEveryRead() {
        byte[] stored = serializer.convert(new java.util.ArrayList<>(List.of("提示：已保存")));

        Object first = reader.read(stored);
        Object second = reader.read(stored);

        assertThat(deserialized).hasValue(2);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void remembersABoundedNumberOfContexts() {
        byte[] eldest = serializer.convert(context("user-0"));
        reader.read(eldest);
        for (int i = 1; i <= SessionAttributeReader.KEPT; i++) {
            reader.read(serializer.convert(context("user-" + i)));
        }
        int before = deserialized.get();

        reader.read(eldest);

        assertThat(deserialized).hasValue(before + 1);
    }

    @Test
    void theConversionServiceWritesAndReadsAsSpringSessionDoes() {
        GenericConversionService service = SessionAttributeReader.conversionService(getClass().getClassLoader());
        byte[] bytes = (byte[]) service.convert(context("expert"), TypeDescriptor.valueOf(Object.class),
                TypeDescriptor.valueOf(byte[].class));

        Object back = service.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));

        assertThat(back).isInstanceOf(SecurityContextImpl.class);
        assertThat(((SecurityContext) back).getAuthentication().getName()).isEqualTo("expert");
        assertThat(service.convert("文本", TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class)))
                .isEqualTo(serializer.convert("文本"));
    }

    private static SecurityContext context(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
    }
}
