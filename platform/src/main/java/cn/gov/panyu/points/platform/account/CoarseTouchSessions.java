package cn.gov.panyu.points.platform.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store with the last-access time kept to the minute. Spring Session stamps every request's
 * time on its session, and the JDBC store writes a stamp that changed: one durable update and commit per page
 * view, 11 % of a signed-in page under load (issue 15) and a write on a database shared by every instance.
 * Here a request moves the stamp only once it is {@link #GRAIN} or more behind, so a user clicking through
 * pages costs one session write a minute; a session then ends between 29 and 30 minutes after its last
 * request instead of at exactly 30 (docs/adr/0019). Everything else a request changes on its session — its
 * attributes, its id at sign-in, its timeout — is saved as before, and a new session is written in full.
 */
final class CoarseTouchSessions<S extends Session>
        implements FindByIndexNameSessionRepository<CoarseTouchSessions.CoarseTouch<S>>, DisposableBean {

    static final Duration GRAIN = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<S> store;

    CoarseTouchSessions(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    public CoarseTouch<S> createSession() {
        return new CoarseTouch<>(store.createSession());
    }

    @Override
    public void save(CoarseTouch<S> session) {
        store.save(session.stored);
    }

    @Override
    public CoarseTouch<S> findById(String id) {
        S found = store.findById(id);
        return found == null ? null : new CoarseTouch<>(found);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, CoarseTouch<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, CoarseTouch<S>> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new CoarseTouch<>(s)));
        return found;
    }

    /** The store's own clean-up of expired sessions stops with the application. */
    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    /** A stored session whose last-access time moves in steps of at least {@link #GRAIN}. */
    static final class CoarseTouch<S extends Session> implements Session {

        private final S stored;

        CoarseTouch(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(GRAIN))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
