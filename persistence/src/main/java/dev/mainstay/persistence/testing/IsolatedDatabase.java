package dev.mainstay.persistence.testing;

import dev.mainstay.persistence.Database;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For one invocation: checks the server is there (skip or, with {@code CI=true}, fail), creates an
 * isolated schema before the test, resolves the test's parameters, and drops the schema after it.
 */
final class IsolatedDatabase implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IsolatedDatabase.class);

    private final Server server;

    IsolatedDatabase(Server server) {
        this.server = server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String unreachable = server.unreachableReason();
        if (unreachable != null) {
            if (Server.onCi()) {
                Assertions.fail(unreachable + " (CI=true, so this is a failure, not a skip)");
            }
            Assumptions.abort(unreachable + " - set CI=true to make this a failure");
        }
        context.getStore(NAMESPACE).put(TestDatabase.class, server.isolate());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestDatabase target = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
        if (target != null) {
            target.drop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase target = context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
        return parameter.getParameter().getType() == Database.class ? target.start() : target;
    }
}
