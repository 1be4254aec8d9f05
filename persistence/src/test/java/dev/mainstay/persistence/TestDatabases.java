package dev.mainstay.persistence;

import dev.mainstay.core.config.Config;
import dev.mainstay.persistence.web.MainstayPersistence;
import dev.mainstay.test.database.DatabaseExtension;
import dev.mainstay.test.database.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link Database} on the test kit's isolated database: resolves test parameters of type
 * {@code Database} (default config, migrations applied) under {@code @EveryDatabase} or a {@code
 * DatabaseExtension}, and {@link #start} does it with overrides. What it starts is closed before the
 * schema is dropped.
 */
public final class TestDatabases implements ParameterResolver {

    /** Starts a database on {@code target} with the default config. */
    public static Database start(TestDatabase target) {
        return start(target, Map.of());
    }

    /** Starts a database on {@code target}: profile test, its {@code db.url}, then {@code overrides}. */
    public static Database start(TestDatabase target, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(target.config());
        values.put("profile", "test");
        values.putAll(overrides);
        return target.manage(Database.create(Config.of(values).bind(MainstayPersistence::config)));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(DatabaseExtension.current(context));
    }
}
