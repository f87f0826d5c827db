package app.ratelink.system;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value a bean needs for its first request but not for the server to start: a password hash against which
 * unknown log-ins are checked, the user-agent parser's thousand regexes. Making them in the constructor put
 * about a second of CPU on the start path (issue 21); here a daemon thread starts making the value when the
 * bean is constructed, while the context goes on starting on the main thread, and the first {@link #get()}
 * waits for it if it is not done yet. Behaviour is unchanged: the value is the same and exists before it
 * is used; only when it is made moves.
 */
public final class Preload<T> implements Supplier<T> {

    private final FutureTask<T> task;

    private Preload(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts making the value now, on its own daemon thread named after {@code what}. */
    public static <T> Preload<T> of(String what, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, "preload-" + what);
        thread.setDaemon(true);
        thread.start();
        return new Preload<>(task);
    }

    /** The value, waiting for it while it is being made; a failure to make it is thrown to every caller. */
    @Override
    public T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // The value is needed to answer; keep waiting and restore the flag afterwards.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
