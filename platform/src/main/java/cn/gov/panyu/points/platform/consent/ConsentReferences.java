package cn.gov.panyu.points.platform.consent;

import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.collection.RegistryReferences;

/** Enterprises that granted or were granted a consent stay in the registry: its history is kept. */
@Component
class ConsentReferences implements RegistryReferences {

    private final JdbcClient jdbc;

    ConsentReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> usccs) {
        return RegistryReferences.query(jdbc, "select uscc from consent where uscc in (:usccs)", usccs);
    }
}
