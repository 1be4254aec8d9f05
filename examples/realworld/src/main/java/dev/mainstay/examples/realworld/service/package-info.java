/**
 * The service layer: validation, authorization (who may change what), transactions, passwords and
 * tokens. Services speak in the API's records and throw core {@code Problem}s for 403, 404 and 422.
 */
package dev.mainstay.examples.realworld.service;
