package cn.gov.panyu.points.platform.account;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are rows of {@code spring_session} (Spring Session JDBC, V36, docs/adr/0017), so that every
 * instance serves every signed-in user. Two requests of one browser at once (a click while a progress bar
 * polls; a user's requests spread over two instances) may both add the same attribute, e.g. a flash
 * message: Spring Session's plain insert then fails the second request on the primary key. Each database
 * is given an insert that replaces instead — PostgreSQL's {@code on conflict do update} (Spring Session's own
 * customizer), H2's {@code merge … key}; and so is the session's own row. The store is then wrapped so that
 * a request moves a session's last-access time only once a minute ({@link CoarseTouchSessions}), and a
 * signed-in user's security context is read from its bytes once per node ({@link SessionAttributeReader}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    /**
     * A session saved twice as new — the first and the asynchronous dispatch of one streamed export each end
     * with a save — replaces its row instead of failing the download on the primary key.
     */
    static final String H2_CREATE_SESSION = """
            MERGE INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL,
            EXPIRY_TIME, PRINCIPAL_NAME) KEY (PRIMARY_ID) VALUES (?, ?, ?, ?, ?, ?, ?)""";
    static final String POSTGRESQL_CREATE_SESSION = """
            INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL,
            EXPIRY_TIME, PRINCIPAL_NAME) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (PRIMARY_ID) DO UPDATE SET SESSION_ID = EXCLUDED.SESSION_ID,
            LAST_ACCESS_TIME = EXCLUDED.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = EXCLUDED.MAX_INACTIVE_INTERVAL,
            EXPIRY_TIME = EXCLUDED.EXPIRY_TIME, PRINCIPAL_NAME = EXCLUDED.PRINCIPAL_NAME""";

    static final String H2_CREATE_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    /** A signed-in user's security context deserialized once per node and content ({@link SessionAttributeReader}). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> contextsReadOnce() {
        return repository -> repository.setConversionService(
                SessionAttributeReader.conversionService(SessionStorage.class.getClassLoader()));
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesReplaceEachOther(DataSource dataSource) {
        String database = new JdbcTemplate(dataSource).execute(
                (Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(database)) {
            return repository -> {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
                repository.setCreateSessionQuery(POSTGRESQL_CREATE_SESSION);
            };
        }
        if ("H2".equals(database)) {
            return repository -> {
                repository.setCreateSessionQuery(H2_CREATE_SESSION);
                repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
            };
        }
        throw new IllegalStateException("sessions are kept in PostgreSQL or H2, not in " + database);
    }

    /**
     * Puts the JDBC store behind {@link CoarseTouchSessions}: Spring Session's filter and the signed-in sessions'
     * registry take it by interface. Static, as a post-processor is made before the beans it processes.
     */
    @Bean
    static BeanPostProcessor sessionsTouchedByTheMinute() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? new CoarseTouchSessions<>(store) : bean;
            }
        };
    }
}
