package org.srstudio.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session file {@code session.json} in the data folder. Saves are asynchronous and coalesced: however many
 * changes arrive while a write is under way, only the newest state is written next.
 */
public final class SessionStore {
    public static final String FILE = "session.json";
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

    private final Path file;
    private final Executor writer;
    private final AtomicReference<SessionState> pending = new AtomicReference<>();

    public SessionStore(Path dataDir, Executor writer) {
        this.file = dataDir.resolve(FILE);
        this.writer = writer;
    }

    public Path file() {
        return file;
    }

    /** The saved session, or an empty one when there is none or it cannot be read (which is logged). */
    public SessionState load() {
        try {
            return JsonFiles.read(file, SessionState.class).orElse(SessionState.empty());
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable session file {}", file, e);
            return SessionState.empty();
        }
    }

    public void saveLater(SessionState state) {
        if (pending.getAndSet(state) == null) {
            writer.execute(this::writePending);
        }
    }

    /** Writes now, on the calling thread; for shutdown. */
    public void saveNow(SessionState state) {
        pending.set(null);
        write(state);
    }

    private void writePending() {
        SessionState state = pending.getAndSet(null);
        if (state != null) {
            write(state);
        }
    }

    private void write(SessionState state) {
        try {
            JsonFiles.write(file, state);
        } catch (IOException e) {
            LOG.warn("Could not save the session to {}", file, e);
        }
    }
}
