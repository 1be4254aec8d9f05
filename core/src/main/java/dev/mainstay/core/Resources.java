package dev.mainstay.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The resources an app manages; closed once, in reverse order, each failure logged and skipped. */
final class Resources {
    private static final Logger LOG = LoggerFactory.getLogger(Mainstay.class);

    private final List<AutoCloseable> open = new ArrayList<>();

    synchronized <T extends AutoCloseable> T add(T resource) {
        open.add(Objects.requireNonNull(resource, "resource"));
        return resource;
    }

    /** Closes everything registered so far, newest first; safe to call more than once. */
    synchronized void closeAll() {
        for (int i = open.size() - 1; i >= 0; i--) {
            AutoCloseable resource = open.get(i);
            try {
                resource.close();
            } catch (Exception | LinkageError e) {
                // One resource that fails to close must not keep the others open.
                LOG.warn("Could not close {}: {}", resource, e.toString());
            }
        }
        open.clear();
    }
}
