package org.srstudio.engine;

/**
 * A tile would not fit the memory budget. Thrown before the work starts, and treated like an out-of-memory
 * error from the engine: the tile is halved and the image run again.
 */
public final class TileTooLargeException extends RuntimeException {
    private final long neededBytes;
    private final long budgetBytes;

    public TileTooLargeException(long neededBytes, long budgetBytes) {
        super("A tile needs about " + neededBytes / (1 << 20) + " MiB, over the " + budgetBytes / (1 << 20)
                + " MiB memory budget");
        this.neededBytes = neededBytes;
        this.budgetBytes = budgetBytes;
    }

    public long neededBytes() {
        return neededBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }
}
