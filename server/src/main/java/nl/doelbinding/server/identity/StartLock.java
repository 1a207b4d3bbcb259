package nl.doelbinding.server.identity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises Keycloak starts on one cache folder, across processes (several work trees on one
 * machine) and within one: only one start at a time may build the image or a database template.
 */
final class StartLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartLock.class);
    private static final long POLL_MILLIS = 250;

    private final FileChannel channel;
    private final FileLock lock;

    private StartLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StartLock acquire(Path file, Duration timeout) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new StartLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("another Keycloak start kept " + file + " locked for " + timeout.toSeconds() + " s");
                }
                if (!told) {
                    LOG.info("Waiting for another Keycloak to finish starting from the same folder");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + file, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
