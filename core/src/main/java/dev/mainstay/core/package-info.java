/**
 * Mainstay core: a Javalin 7 app wired for production from one entry point,
 * {@link dev.mainstay.core.Mainstay#create}.
 *
 * <p>An application hands a setup lambda to {@code Mainstay.create(config, setup)} or
 * {@code Mainstay.run(setup)}; the lambda declares routes and the rest on a
 * {@link dev.mainstay.core.MainstaySetup}. Core adds typed config ({@link dev.mainstay.core.ServerConfig}),
 * JSON bodies with limits ({@link dev.mainstay.core.Json}), problem+json answers on every error path,
 * request ids and W3C trace context, an access log, health checks, Prometheus metrics, the client address
 * behind trusted proxies ({@link dev.mainstay.core.ClientAddress}) and a graceful lifecycle.
 *
 * <p>Everything else in this package is package-private wiring. The sub-packages hold what an
 * application uses directly: {@code config} (layered configuration), {@code problem} (errors as data and
 * input validation), {@code health} (the check interface) and {@code exception} (the root of core's
 * exception family).
 */
package dev.mainstay.core;
