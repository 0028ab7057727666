package cn.gov.panyu.points.platform.account;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Turns a session attribute's stored bytes back into its value, as Spring Session JDBC does, except that a
 * signed-in user's security context is deserialized once per node and content, not on every request.
 *
 * <p>Why: each request reads its session from the database and Java-deserializes the security context (the
 * user, the authorities, the sign-in details): about 6 % of the CPU of {@code /my} (ADR 0019). The contexts are
 * remembered by their exact bytes, so what is returned is always what the stored bytes say — another instance
 * changing a session's context writes other bytes, which are read afresh. Each read gets its own
 * {@link SecurityContextImpl} (signing out empties the context it was given, and must not empty anyone else's),
 * holding the remembered {@code Authentication}: the platform never changes an authentication after sign-in —
 * a changed user is a new authentication — so sharing it is what Spring Security does anyway with sessions kept
 * in memory. Every other attribute is deserialized on each read, as before. At most {@link #KEPT} contexts are
 * remembered, the least recently read forgotten first.
 */
final class SessionAttributeReader implements GenericConverter {

    static final int KEPT = 2_000;

    private final Function<byte[], Object> deserializer;
    private final Map<Bytes, SecurityContext> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, SecurityContext> eldest) {
            return size() > KEPT;
        }
    };

    SessionAttributeReader(Function<byte[], Object> deserializer) {
        this.deserializer = deserializer;
    }

    /** What Spring Session JDBC uses by default (Java serialization), with this reader for the way back. */
    static GenericConversionService conversionService(ClassLoader classLoader) {
        GenericConversionService service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializing = new DeserializingConverter(classLoader);
        service.addConverter(new SessionAttributeReader(deserializing::convert));
        return service;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(byte[].class, Object.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        return source == null ? null : read((byte[]) source);
    }

    Object read(byte[] stored) {
        Bytes key = new Bytes(stored);
        SecurityContext known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        if (known != null) {
            return new SecurityContextImpl(known.getAuthentication());
        }
        Object value = deserializer.apply(stored);
        if (value != null && value.getClass() == SecurityContextImpl.class) {
            SecurityContext context = (SecurityContext) value;
            synchronized (remembered) {
                remembered.put(key, context);
            }
            return new SecurityContextImpl(context.getAuthentication());
        }
        return value;
    }

    /** Bytes compared by content; the array is the one just read from the database, which nothing changes. */
    private static final class Bytes {
        private final byte[] content;
        private final int hash;

        Bytes(byte[] content) {
            this.content = content;
            this.hash = Arrays.hashCode(content);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && hash == that.hash && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
