package dev.mainstay.core;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's hook for Mainstay's default logging; found by Logback through {@code ServiceLoader}, not
 * meant to be called.
 *
 * <p>It steps aside whenever the application brings its own configuration ({@code logback.xml},
 * {@code logback-test.xml} or {@code -Dlogback.configurationFile}), so users override logging the
 * usual way. Otherwise it installs a console appender whose format {@code log.format} switches
 * later, once the configuration is read (see {@link Mainstay#create}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    /** Creates the configurator; Logback calls this. */
    public LogbackConfigurator() {}

    /** Installs Mainstay's console logging unless the application configures Logback itself. */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (Logging.userConfigurationPresent()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logging.install(
                context, ServerConfig.LogFormat.TEXT, ServerConfig.LogLevel.INFO, ServerConfig.DEFAULT_APP_NAME);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
