package dev.mainstay.test.database;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides one invocation per {@link DatabaseServer} for methods annotated with {@link EveryDatabase}. */
final class EveryDatabaseExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().isPresent();
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Arrays.stream(DatabaseServer.values()).map(Invocation::new);
    }

    /** One run of the test method, on one server, named after it: {@code [postgresql]}. */
    private record Invocation(DatabaseServer server) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + server.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(DatabaseExtension.of(server));
        }
    }
}
